<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US">
<context>
    <name>AttestationsPage</name>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupal</translation>
    </message>
    <message>
        <source>Total h</source>
        <translation>Total h</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) ({i} individual, {g} group)</source>
        <translation>
            <numerusform>%n sesión ({i} individual, {g} grupal)</numerusform>
            <numerusform>%n sesiones ({i} individuales, {g} grupales)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Supervised experience in the range: {h} h (%n entry(ies))</source>
        <translation>
            <numerusform>Experiencia supervisada en el período: {h} h (%n registro)</numerusform>
            <numerusform>Experiencia supervisada en el período: {h} h (%n registros)</numerusform>
        </translation>
    </message>
    <message>
        <source>Serial: {serial}</source>
        <translation>Número de serie: {serial}</translation>
    </message>
    <message>
        <source>assigned when printed</source>
        <translation>se asigna al imprimir</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Record fingerprint</source>
        <translation>Huella digital de los registros</translation>
    </message>
    <message>
        <source>Counted toward the requirement: supervision {s} h of {ss} h signed, experience {e} h of {es} h.</source>
        <translation>Cuenta para el requisito: supervisión {s} h de {ss} h firmadas, experiencia {e} h de {es} h.</translation>
    </message>
    <message>
        <source>To verify with the board (not printed on the form):</source>
        <translation>Para verificar con el ICB (no se imprime en el formulario):</translation>
    </message>
    <message>
        <source>Every requirement is met.</source>
        <translation>Se cumplen todos los requisitos.</translation>
    </message>
    <message>
        <source>Progress statement: {name} ({code})</source>
        <translation>Informe de progreso: {name} ({code})</translation>
    </message>
    <message>
        <source>As of {day} · supervisor {name}</source>
        <translation>Al {day} · supervisor {name}</translation>
    </message>
    <message>
        <source>{what}: {signed} of {required} h signed ({pending} h pending)</source>
        <translation>{what}: {signed} de {required} h firmadas ({pending} h pendientes)</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>Experiencia</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>Aún falta</translation>
    </message>
</context>
<context>
    <name>BackupsSection</name>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de la base de datos</translation>
    </message>
    <message>
        <source>Warning about the database&apos;s folder</source>
        <translation>Advertencia sobre la carpeta de la base de datos</translation>
    </message>
    <message>
        <source>This database is in {folder}, which a sync service (OneDrive, Dropbox, …) copies to the cloud: it holds the file while uploading, and two computers make conflicting copies. Keep the database in the app&apos;s own folder and rely on its backups.</source>
        <translation>Esta base de datos está en {folder}, que un servicio de sincronización (OneDrive, Dropbox, …) copia a la nube: bloquea el archivo mientras lo sube, y dos computadoras crean copias en conflicto. Guarde la base de datos en la carpeta propia de la app y confíe en sus copias de seguridad.</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>Abrir &amp;otra base de datos…</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>Abrir otra base de datos</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Hacer copia &amp;ahora…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <source>Save a copy of the whole database to a file you choose (a USB stick, a shared folder)</source>
        <translation>Guardar una copia de toda la base de datos en un archivo que usted elija (una memoria USB, una carpeta compartida)</translation>
    </message>
    <message>
        <source>Backup status</source>
        <translation>Estado de la copia de seguridad</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Copias de seguridad automáticas</translation>
    </message>
    <message>
        <source>Taken once a day when the app starts, and before every upgrade or restore. The newest of each of the last 14 days and of the last 12 months are kept.</source>
        <translation>Se hacen una vez al día al iniciar la app, y antes de cada actualización o restauración. Se guarda la más reciente de cada uno de los últimos 14 días y de los últimos 12 meses.</translation>
    </message>
    <message>
        <source>No automatic backup yet.</source>
        <translation>Aún no hay copias de seguridad automáticas.</translation>
    </message>
    <message>
        <source>No automatic backup yet</source>
        <translation>Aún no hay copias automáticas</translation>
    </message>
    <message>
        <source>&amp;Restore this backup…</source>
        <translation>&amp;Restaurar esta copia…</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Restaurar la copia seleccionada</translation>
    </message>
    <message>
        <source>Replace the records with the selected backup (the current database is kept aside)</source>
        <translation>Reemplazar los registros con la copia seleccionada (la base de datos actual se guarda aparte)</translation>
    </message>
    <message>
        <source>Open backups &amp;folder</source>
        <translation>Abrir carpe&amp;ta de copias</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>Abrir la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Demo data is thrown away when the app closes, so it is not backed up.</source>
        <translation>Los datos de demostración se descartan al cerrar la app, así que no se hace copia de seguridad.</translation>
    </message>
    <message>
        <source>Restoring is possible only in the copy of the app that has the database open.</source>
        <translation>Solo se puede restaurar en la copia de la app que tiene abierta la base de datos.</translation>
    </message>
    <message>
        <source>The backup must go to another file than the database itself.</source>
        <translation>La copia de seguridad debe ir a un archivo distinto de la propia base de datos.</translation>
    </message>
    <message>
        <source>Not backed up</source>
        <translation>Sin copia de seguridad</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo copia de seguridad…</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>Copia de seguridad guardada en {path}</translation>
    </message>
    <message>
        <source>The backup was not saved: {reason}</source>
        <translation>No se guardó la copia de seguridad: {reason}</translation>
    </message>
    <message>
        <source>Back up the database to</source>
        <translation>Guardar la copia de la base de datos en</translation>
    </message>
    <message>
        <source>supervisor_app databases (*.db);;All files (*)</source>
        <translation>Bases de datos de supervisor_app (*.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia de seguridad?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Replace every record in this database with the backup taken on {taken}&lt;/b&gt; ({why}).&lt;/p&gt;&lt;p&gt;Everything entered, signed or printed after {taken} will no longer be in the database. Open editors are closed.&lt;/p&gt;&lt;p&gt;The database as it is now is kept aside as a copy beside it, and in the automatic backups, so this can be undone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Reemplazar todos los registros de esta base de datos con la copia de seguridad hecha el {taken}&lt;/b&gt; ({why}).&lt;/p&gt;&lt;p&gt;Todo lo que se haya registrado, firmado o impreso después del {taken} ya no estará en la base de datos. Los editores abiertos se cierran.&lt;/p&gt;&lt;p&gt;La base de datos tal como está ahora se guarda aparte, como una copia junto a ella y en las copias de seguridad automáticas, así que esto se puede deshacer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurar la copia</translation>
    </message>
</context>
<context>
    <name>CredentialModel</name>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Junta</translation>
    </message>
</context>
<context>
    <name>PageRegistry</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>What will happen</source>
        <translation>Qué va a pasar</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Required: why, in a sentence</source>
        <translation>Obligatorio: por qué, en una frase</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Password of {name}</source>
        <translation>Contraseña de {name}</translation>
    </message>
    <message>
        <source>&amp;Password ({name}):</source>
        <translation>&amp;Contraseña ({name}):</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Seguridad de la contraseña</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Repea&amp;t password:</source>
        <translation>&amp;Repetir contraseña:</translation>
    </message>
    <message>
        <source>At least {n} characters; a short sentence is easy to remember and hard to guess.</source>
        <translation>Al menos {n} caracteres; una frase corta es fácil de recordar y difícil de adivinar.</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Demasiado corta</translation>
    </message>
    <message>
        <source>Weak: add words, digits or symbols</source>
        <translation>Débil: agregue palabras, dígitos o símbolos</translation>
    </message>
    <message>
        <source>Fair: longer is stronger</source>
        <translation>Aceptable: más larga es más segura</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Segura</translation>
    </message>
    <message>
        <source>Strength: {rating}</source>
        <translation>Seguridad: {rating}</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Vista previa de impresión</translation>
    </message>
    <message>
        <source>Choose what to print, then Preview.</source>
        <translation>Elija qué imprimir y luego pulse Vista previa.</translation>
    </message>
    <message>
        <source>What the form carries</source>
        <translation>Lo que lleva el formulario</translation>
    </message>
    <message>
        <source>Form preview</source>
        <translation>Vista previa del formulario</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#555&apos;&gt;&lt;i&gt;The page preview needs Qt PDF (the PySide6-Addons package), which is not installed. Save PDF or Print opens the real form in your PDF viewer.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#555&apos;&gt;&lt;i&gt;La vista previa de la página necesita Qt PDF (el paquete PySide6-Addons), que no está instalado. Guardar PDF o Imprimir abre el formulario real en su visor de PDF.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PersonTrainingDialog</name>
    <message>
        <source>Training and credentials: {name}</source>
        <translation>Capacitación y credenciales: {name}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Credential profile rules</source>
        <translation>Reglas del perfil de credencial</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>verify with ICB</source>
        <translation>verificar con el ICB</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>verificar</translation>
    </message>
    <message>
        <source>Your agency may add kinds (Settings, Agency: Also qualify a supervisor).</source>
        <translation>Su agencia puede agregar tipos (Configuración, Agencia: También habilitan para supervisar).</translation>
    </message>
    <message>
        <source>Set by rule: your agency cannot add kinds.</source>
        <translation>Fijado por norma: su agencia no puede agregar tipos.</translation>
    </message>
    <message>
        <source>Who may supervise</source>
        <translation>Quién puede supervisar</translation>
    </message>
    <message>
        <source>a credential held on the date of each record signed</source>
        <translation>una credencial vigente en la fecha de cada registro firmado</translation>
    </message>
    <message>
        <source>{h} hours: {detail} ({source})</source>
        <translation>{h} horas: {detail} ({source})</translation>
    </message>
    <message>
        <source>Overridden by your agency&apos;s copy: {path}</source>
        <translation>Reemplazado por la copia de su agencia: {path}</translation>
    </message>
    <message>
        <source>Shipped with the app: {path}</source>
        <translation>Incluido con la app: {path}</translation>
    </message>
    <message>
        <source>version</source>
        <translation>versión</translation>
    </message>
    <message>
        <source>effective</source>
        <translation>vigente desde</translation>
    </message>
    <message>
        <source>Performance domains</source>
        <translation>Dominios de desempeño</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <source>To confirm with ICB</source>
        <translation>Por confirmar con el ICB</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>To change a rule for your agency, copy the profile file into {folder} (same code) and edit the copy; restart the app.</source>
        <translation>Para cambiar una regla para su agencia, copie el archivo del perfil en {folder} (mismo código) y edite la copia; reinicie la app.</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n año</numerusform>
            <numerusform>%n años</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s)</source>
        <translation>
            <numerusform>%n supervisado</numerusform>
            <numerusform>%n supervisados</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{area}: {h} h</source>
        <translation>{area}: {h} h</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>&lt;b&gt;Read-only: this database is open in supervisor_app by {holder}.&lt;/b&gt; You can look at everything here, but nothing can be changed, signed or printed. To make changes, close supervisor_app there (or wait until it is closed), then open the database again here.</source>
        <translation>&lt;b&gt;Solo lectura: {holder} tiene abierta esta base de datos en supervisor_app.&lt;/b&gt; Aquí puede ver todo, pero no se puede cambiar, firmar ni imprimir nada. Para hacer cambios, cierre supervisor_app allí (o espere a que se cierre) y luego vuelva a abrir la base de datos aquí.</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Solo lectura</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Session saved; it waits for signature.</source>
        <translation>Sesión guardada; espera la firma.</translation>
    </message>
    <message>
        <source>Experience entry saved; it waits for signature.</source>
        <translation>Registro de experiencia guardado; espera la firma.</translation>
    </message>
    <message>
        <source>An amendment is already waiting</source>
        <translation>Ya hay una enmienda en espera</translation>
    </message>
    <message>
        <source>This record already has an amendment waiting for signature: {what}, saved with the reason “{reason}”. Sign, edit or delete that amendment (on To sign, or in this list as Pending) before amending the record again.</source>
        <translation>Este registro ya tiene una enmienda que espera la firma: {what}, guardada con el motivo “{reason}”. Firme, edite o elimine esa enmienda (en Por firmar, o en esta lista como Pendiente) antes de volver a enmendar el registro.</translation>
    </message>
    <message>
        <source>Amendment saved; it replaces the original once signed.</source>
        <translation>Enmienda guardada; reemplaza al original una vez firmada.</translation>
    </message>
    <message>
        <source>Delete pending record?</source>
        <translation>¿Eliminar el registro pendiente?</translation>
    </message>
    <message>
        <source>Delete {what}? It was never signed, so it can be deleted; the audit trail keeps a copy.</source>
        <translation>¿Eliminar {what}? Nunca se firmó, así que se puede eliminar; el registro de auditoría guarda una copia.</translation>
    </message>
    <message>
        <source>Pending record deleted.</source>
        <translation>Registro pendiente eliminado.</translation>
    </message>
    <message>
        <source>Void signed record</source>
        <translation>Anular registro firmado</translation>
    </message>
    <message>
        <source>Void {what}. A voided record stays in the audit trail, crossed out, and no longer counts toward any total. This cannot be undone.</source>
        <translation>Anular {what}. Un registro anulado queda en el registro de auditoría, tachado, y ya no cuenta para ningún total. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>&amp;Void record</source>
        <translation>&amp;Anular registro</translation>
    </message>
    <message>
        <source>&amp;Reason for the void:</source>
        <translation>&amp;Motivo de la anulación:</translation>
    </message>
    <message>
        <source>Record voided.</source>
        <translation>Registro anulado.</translation>
    </message>
    <message>
        <source>Sign records</source>
        <translation>Firmar registros</translation>
    </message>
    <message numerus="yes">
        <source>Sign %n record(s), {length} in all, as {name}. Signed records are final: a later correction is an amendment or a void, with a reason.</source>
        <translation>
            <numerusform>Firmar %n registro, {length} en total, como {name}. Los registros firmados son definitivos: una corrección posterior es una enmienda o una anulación, con un motivo.</numerusform>
            <numerusform>Firmar %n registros, {length} en total, como {name}. Los registros firmados son definitivos: una corrección posterior es una enmienda o una anulación, con un motivo.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Sign {count}</source>
        <translation>&amp;Firmar {count}</translation>
    </message>
    <message numerus="yes">
        <source>Signed %n record(s).</source>
        <translation>
            <numerusform>Se firmó %n registro.</numerusform>
            <numerusform>Se firmaron %n registros.</numerusform>
        </translation>
    </message>
    <message>
        <source>Is the computer&apos;s clock right?</source>
        <translation>¿Está bien el reloj de la computadora?</translation>
    </message>
    <message>
        <source>The computer&apos;s clock reads earlier than the newest signature, so this one would be dated before it, and verification would point that out.

{details}

Sign with the clock as it is? Choose No to correct the date and time first.</source>
        <translation>El reloj de la computadora marca una hora anterior a la firma más reciente, así que esta firma quedaría fechada antes que aquella, y la verificación lo señalaría.

{details}

¿Firmar con el reloj como está? Elija No para corregir primero la fecha y la hora.</translation>
    </message>
    <message>
        <source>the session of {date}, {length}</source>
        <translation>la sesión del {date}, {length}</translation>
    </message>
    <message>
        <source>the experience entry {start} to {end}, {length}</source>
        <translation>el registro de experiencia del {start} al {end}, {length}</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Supervisor of record</source>
        <translation>Supervisor responsable</translation>
    </message>
    <message>
        <source>Supervis&amp;or:</source>
        <translation>S&amp;upervisor:</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Motivo de la enmienda</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Moti&amp;vo:</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Dominios</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Signed by {name} at {agency}, in another database</source>
        <translation>Firmado por {name} en {agency}, en otra base de datos</translation>
    </message>
    <message>
        <source>its supervisor</source>
        <translation>su supervisor</translation>
    </message>
    <message>
        <source>Signed by {name}, in another database</source>
        <translation>Firmado por {name}, en otra base de datos</translation>
    </message>
    <message>
        <source>Signed elsewhere</source>
        <translation>Firmado en otro lugar</translation>
    </message>
    <message>
        <source>Signed · amendment waiting</source>
        <translation>Firmado · enmienda en espera</translation>
    </message>
    <message>
        <source> (arrived in an hours file; read-only here).</source>
        <translation> (llegó en un archivo de horas; aquí es de solo lectura).</translation>
    </message>
    <message>
        <source>An amendment of this record waits for signature; it replaces this one once signed.</source>
        <translation>Una enmienda de este registro espera la firma; lo reemplaza una vez firmada.</translation>
    </message>
    <message>
        <source>Amends {id}: {reason}</source>
        <translation>Enmienda {id}: {reason}</translation>
    </message>
    <message>
        <source>Replaced by a signed amendment; no longer counted.</source>
        <translation>Reemplazado por una enmienda firmada; ya no cuenta.</translation>
    </message>
    <message>
        <source>Voided; no longer counted.</source>
        <translation>Anulado; ya no cuenta.</translation>
    </message>
    <message>
        <source>Waiting for the supervisor&apos;s signature; not counted yet.</source>
        <translation>Espera la firma del supervisor; aún no cuenta.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the pending record</source>
        <translation>Editar el registro pendiente</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Delete the pending record</source>
        <translation>Eliminar el registro pendiente</translation>
    </message>
    <message>
        <source>A&amp;mend…</source>
        <translation>E&amp;nmendar…</translation>
    </message>
    <message>
        <source>Amend the signed record</source>
        <translation>Enmendar el registro firmado</translation>
    </message>
    <message>
        <source>Correct a signed record: the original stays on record, with your reason</source>
        <translation>Corregir un registro firmado: el original se conserva, con su motivo</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>&amp;Anular…</translation>
    </message>
    <message>
        <source>Void the signed record</source>
        <translation>Anular el registro firmado</translation>
    </message>
    <message>
        <source>Withdraw a signed record, with a reason and your password</source>
        <translation>Retirar un registro firmado, con un motivo y su contraseña</translation>
    </message>
    <message>
        <source>Number of records</source>
        <translation>Número de registros</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Aún no hay sesiones.</translation>
    </message>
    <message>
        <source>No experience entries yet.</source>
        <translation>Aún no hay registros de experiencia.</translation>
    </message>
    <message numerus="yes">
        <source>{count} session(s)</source>
        <translation>
            <numerusform>{count} sesión</numerusform>
            <numerusform>{count} sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} experience entry(ies)</source>
        <translation>
            <numerusform>{count} registro de experiencia</numerusform>
            <numerusform>{count} registros de experiencia</numerusform>
        </translation>
    </message>
    <message>
        <source>An amendment of this record already waits for signature: sign, edit or delete it first</source>
        <translation>Ya hay una enmienda de este registro que espera la firma: primero fírmela, edítela o elimínela</translation>
    </message>
    <message>
        <source>Only the supervisor of record can void this record</source>
        <translation>Solo el supervisor responsable puede anular este registro</translation>
    </message>
    <message>
        <source>{signed}: read-only here. Only its own supervisor can amend or void it, where it was signed.</source>
        <translation>{signed}: aquí es de solo lectura. Solo su propio supervisor puede enmendarlo o anularlo, donde se firmó.</translation>
    </message>
    <message>
        <source>the session of {date} ({length}, {who})</source>
        <translation>la sesión del {date} ({length}, {who})</translation>
    </message>
    <message>
        <source>the experience entry {start} to {end} ({length}, {who})</source>
        <translation>el registro de experiencia del {start} al {end} ({length}, {who})</translation>
    </message>
    <message>
        <source>Group of {n}</source>
        <translation>Grupo de {n}</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Records&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Registros&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Find records by supervisee, topic, site, setting or record id (Ctrl+F)</source>
        <translation>Buscar registros por supervisado, tema, lugar, entorno o id de registro (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find records</source>
        <translation>Buscar registros</translation>
    </message>
    <message>
        <source>Whose records</source>
        <translation>De quién son los registros</translation>
    </message>
    <message>
        <source>Everyone&apos;s records</source>
        <translation>Registros de todos</translation>
    </message>
    <message>
        <source>Records I supervise</source>
        <translation>Registros que superviso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Kinds of record</source>
        <translation>Tipos de registro</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Experience entries</source>
        <translation>Registros de experiencia</translation>
    </message>
    <message>
        <source>Supervision &amp;sessions</source>
        <translation>&amp;Sesiones de supervisión</translation>
    </message>
    <message>
        <source>E&amp;xperience entries</source>
        <translation>Registros de e&amp;xperiencia</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesiones</translation>
    </message>
    <message>
        <source>experience entries</source>
        <translation>registros de experiencia</translation>
    </message>
    <message>
        <source>No {noun} match “{text}” with these filters.</source>
        <translation>No hay {noun} que coincidan con “{text}” con estos filtros.</translation>
    </message>
    <message>
        <source>No {noun} match these filters.</source>
        <translation>No hay {noun} que coincidan con estos filtros.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key for {name}</source>
        <translation>Clave de recuperación de {name}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Write this key down now&lt;/b&gt; and keep it away from this computer (in your wallet, or with the agency&apos;s papers).&lt;/p&gt;&lt;p&gt;If {name} forgets their password, this key sets a new one (on the sign-in screen: &lt;i&gt;Forgot password?&lt;/i&gt;). It is shown only this once; a new key can be made in Settings.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Anote esta clave ahora&lt;/b&gt; y guárdela lejos de esta computadora (en su cartera, o con los papeles de la agencia).&lt;/p&gt;&lt;p&gt;Si {name} olvida su contraseña, esta clave permite poner una nueva (en la pantalla de inicio de sesión: &lt;i&gt;¿Olvidó la contraseña?&lt;/i&gt;). Se muestra solo esta vez; se puede crear una clave nueva en Configuración.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>I have &amp;written it down</source>
        <translation>Ya la &amp;anoté</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Ya la anoté</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>New supervision session</source>
        <translation>Nueva sesión de supervisión</translation>
    </message>
    <message>
        <source>Edit pending session</source>
        <translation>Editar sesión pendiente</translation>
    </message>
    <message>
        <source>Amend signed session</source>
        <translation>Enmendar sesión firmada</translation>
    </message>
    <message>
        <source>The signed original stays on record. This amendment waits for signature and replaces the original in every total once it is signed.</source>
        <translation>El original firmado se conserva. Esta enmienda espera la firma y reemplaza al original en todos los totales una vez firmada.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Known</source>
        <translation>&amp;Conocida</translation>
    </message>
    <message>
        <source>Start time known</source>
        <translation>Hora de inicio conocida</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>S&amp;tart time:</source>
        <translation>&amp;Hora de inicio:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Length in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>Fo&amp;rmato:</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>&amp;Modality:</source>
        <translation>&amp;Modalidad:</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>e.g. Main office, outreach van</source>
        <translation>p. ej., oficina principal, camioneta de alcance</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>Required, e.g. length corrected from the sign-in sheet</source>
        <translation>Obligatorio, p. ej., duración corregida según la hoja de asistencia</translation>
    </message>
    <message>
        <source>Att&amp;endees</source>
        <translation>&amp;Asistentes</translation>
    </message>
    <message>
        <source>Time per performance domai&amp;n</source>
        <translation>Tiempo por domi&amp;nio de desempeño</translation>
    </message>
    <message>
        <source>To&amp;pics</source>
        <translation>&amp;Temas</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>What the supervision covered (Ctrl+Enter saves)</source>
        <translation>Qué se trató en la supervisión (Ctrl+Enter guarda)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save and &amp;add another</source>
        <translation>Guardar y agregar &amp;otra</translation>
    </message>
    <message>
        <source>Save and add another</source>
        <translation>Guardar y agregar otra</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>= {hours} h</source>
        <translation>= {hours} h</translation>
    </message>
    <message>
        <source>Saved ({count} this time). The date and attendees are kept for the next one.</source>
        <translation>Guardada ({count} en esta ocasión). La fecha y los asistentes se mantienen para la siguiente.</translation>
    </message>
    <message>
        <source>This session has not been saved. Close the editor and lose what you typed?</source>
        <translation>Esta sesión no se ha guardado. ¿Cerrar el editor y perder lo que escribió?</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Configuración&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear tras estos minutos de inactividad</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>&amp;Bloquear tras inactividad de:</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Cambiar mi &amp;contraseña…</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>New &amp;supervisor…</source>
        <translation>Nuevo &amp;supervisor…</translation>
    </message>
    <message>
        <source>New supervisor</source>
        <translation>Nuevo supervisor</translation>
    </message>
    <message>
        <source>New s&amp;upervisee…</source>
        <translation>Nuevo s&amp;upervisado…</translation>
    </message>
    <message>
        <source>New supervisee</source>
        <translation>Nuevo supervisado</translation>
    </message>
    <message>
        <source>Credential profiles (the rules the app checks)</source>
        <translation>Perfiles de credencial (las reglas que revisa la app)</translation>
    </message>
    <message>
        <source>Credential profile</source>
        <translation>Perfil de credencial</translation>
    </message>
    <message>
        <source>Agency (printed on the attestation forms)</source>
        <translation>Agencia (se imprime en los formularios de attestation)</translation>
    </message>
    <message>
        <source>e.g. (217) 555-0100</source>
        <translation>p. ej., (217) 555-0100</translation>
    </message>
    <message>
        <source>e.g. LSW, CCS (comma-separated)</source>
        <translation>p. ej., LSW, CCS (separadas por comas)</translation>
    </message>
    <message>
        <source>Credentials or licences that also qualify a supervisor at this agency, besides those the CRSS, CPRS, CADC and QMHP profiles list. The LCPC&apos;s list is set by rule.</source>
        <translation>Credenciales o licencias que también habilitan para supervisar en esta agencia, además de las que indican los perfiles CRSS, CPRS, CADC y QMHP. La lista del LCPC la fija la norma.</translation>
    </message>
    <message>
        <source>Agency na&amp;me:</source>
        <translation>No&amp;mbre de la agencia:</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Nombre de la agencia</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>Agency address</source>
        <translation>Dirección de la agencia</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <source>Agency phone</source>
        <translation>Teléfono de la agencia</translation>
    </message>
    <message>
        <source>Also &amp;qualify a supervisor:</source>
        <translation>También habilitan para su&amp;pervisar:</translation>
    </message>
    <message>
        <source>Credentials that also qualify a supervisor</source>
        <translation>Credenciales que también habilitan para supervisar</translation>
    </message>
    <message>
        <source>Sa&amp;ve agency details</source>
        <translation>&amp;Guardar datos de la agencia</translation>
    </message>
    <message>
        <source>Save agency details</source>
        <translation>Guardar datos de la agencia</translation>
    </message>
    <message>
        <source>Undo chan&amp;ges</source>
        <translation>Des&amp;hacer cambios</translation>
    </message>
    <message>
        <source>Undo changes to the agency details</source>
        <translation>Deshacer los cambios en los datos de la agencia</translation>
    </message>
    <message>
        <source>Agency details status</source>
        <translation>Estado de los datos de la agencia</translation>
    </message>
    <message>
        <source>No agency is recorded in this database yet (the first-run screen records one).</source>
        <translation>Aún no hay una agencia registrada en esta base de datos (la pantalla del primer inicio la registra).</translation>
    </message>
    <message>
        <source>Saved. Forms printed from now on carry these details.</source>
        <translation>Guardado. Los formularios que se impriman a partir de ahora llevarán estos datos.</translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s)</source>
        <translation>
            <numerusform>%n supervisado</numerusform>
            <numerusform>%n supervisados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in: supervisor_app</source>
        <translation>Iniciar sesión: supervisor_app</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Every demo supervisor&apos;s password is “{pw}”.</source>
        <translation>La contraseña de cada supervisor de demostración es “{pw}”.</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>otro usuario</translation>
    </message>
    <message>
        <source>&lt;h2&gt;{agency}&lt;/h2&gt;&lt;p style=&apos;color:#555&apos;&gt;Database: {path}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{agency}&lt;/h2&gt;&lt;p style=&apos;color:#555&apos;&gt;Base de datos: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>supervisor_app</source>
        <translation>supervisor_app</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Quién:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Forgot password?</source>
        <translation>¿&amp;Olvidó la contraseña?</translation>
    </message>
    <message>
        <source>Forgot password: use the recovery key</source>
        <translation>¿Olvidó la contraseña? Use la clave de recuperación</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#555&apos;&gt;A supervisee looking at their own hours: sign in, open them and choose &lt;i&gt;Review with…&lt;/i&gt;. They see only their own records until a supervisor&apos;s password ends the review.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#555&apos;&gt;Si un supervisado quiere ver sus propias horas: inicie sesión, ábralo y elija &lt;i&gt;Revisar con…&lt;/i&gt;. Solo verá sus propios registros hasta que la contraseña de un supervisor termine la revisión.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>&amp;Abrir otra base de datos…</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>Abrir otra base de datos</translation>
    </message>
    <message>
        <source>Open an &amp;hours file…</source>
        <translation>Abrir un archivo de &amp;horas…</translation>
    </message>
    <message>
        <source>Open a supervisee&apos;s hours file, read only</source>
        <translation>Abrir el archivo de horas de un supervisado, en solo lectura</translation>
    </message>
    <message>
        <source>A supervisee&apos;s signed hours, from their hours file: progress and statement, no account</source>
        <translation>Las horas firmadas de un supervisado, desde su archivo de horas: progreso e informe, sin cuenta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Password changed: type the new one</source>
        <translation>Contraseña cambiada: escriba la nueva</translation>
    </message>
</context>
<context>
    <name>StartReviewDialog</name>
    <message>
        <source>Review with a supervisee</source>
        <translation>Revisar con un supervisado</translation>
    </message>
    <message>
        <source>&lt;p&gt;The window will show only this supervisee&apos;s own progress, records and statement, read only: nobody else&apos;s name or hours, and group sessions only as “Group of N”.&lt;/p&gt;&lt;p&gt;The review stays on this person, also after the lock. Ending it needs a supervisor&apos;s password.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La ventana mostrará solo el progreso, los registros y el informe de este supervisado, en solo lectura: ni nombres ni horas de otras personas, y las sesiones grupales solo como “Grupo de N”.&lt;/p&gt;&lt;p&gt;La revisión se queda en esta persona, también después del bloqueo. Para terminarla se necesita la contraseña de un supervisor.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;This copy of the database is read only: the review is not recorded in the audit trail.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Esta copia de la base de datos es de solo lectura: la revisión no queda en el registro de auditoría.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Supervisee to review with</source>
        <translation>Supervisado con quien revisar</translation>
    </message>
    <message>
        <source>&amp;Supervisee:</source>
        <translation>&amp;Supervisado:</translation>
    </message>
    <message>
        <source>&amp;Start review</source>
        <translation>&amp;Iniciar revisión</translation>
    </message>
</context>
<context>
    <name>SuperviseeDetailPage</name>
    <message>
        <source>Supervisee detail</source>
        <translation>Detalle del supervisado</translation>
    </message>
    <message>
        <source>◀ &amp;Back to list</source>
        <translation>◀ &amp;Volver a la lista</translation>
    </message>
    <message>
        <source>Back to the supervisee list</source>
        <translation>Volver a la lista de supervisados</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>New &amp;session…</source>
        <translation>Nueva &amp;sesión…</translation>
    </message>
    <message>
        <source>New session with this supervisee</source>
        <translation>Nueva sesión con este supervisado</translation>
    </message>
    <message>
        <source>New e&amp;xperience entry…</source>
        <translation>Nuevo registro de e&amp;xperiencia…</translation>
    </message>
    <message>
        <source>New experience entry for this supervisee</source>
        <translation>Nuevo registro de experiencia de este supervisado</translation>
    </message>
    <message>
        <source>My &amp;statement…</source>
        <translation>Mi &amp;informe…</translation>
    </message>
    <message>
        <source>&amp;Attestation…</source>
        <translation>&amp;Attestation…</translation>
    </message>
    <message>
        <source>Print my statement of hours</source>
        <translation>Imprimir mi informe de horas</translation>
    </message>
    <message>
        <source>Prepare the attestation form</source>
        <translation>Preparar el formulario de attestation</translation>
    </message>
    <message>
        <source>Change s&amp;upervisor…</source>
        <translation>Cambiar s&amp;upervisor…</translation>
    </message>
    <message>
        <source>Change this supervisee&apos;s supervisor</source>
        <translation>Cambiar el supervisor de este supervisado</translation>
    </message>
    <message>
        <source>Review &amp;with supervisee…</source>
        <translation>Revisar c&amp;on supervisado…</translation>
    </message>
    <message>
        <source>Review with this supervisee (read only, only their hours)</source>
        <translation>Revisar con este supervisado (solo lectura, solo sus horas)</translation>
    </message>
    <message>
        <source>Hand the computer to this supervisee: only their own hours, read only</source>
        <translation>Pasarle la computadora a este supervisado: solo sus propias horas, en solo lectura</translation>
    </message>
    <message>
        <source>Marked inactive (left the agency): hidden from the supervisee list and from new sessions. Their records, progress and forms stay; pending records can still be signed. To edit or amend a record, reactivate them first.</source>
        <translation>Marcado como inactivo (dejó la agencia): no aparece en la lista de supervisados ni en las sesiones nuevas. Sus registros, progreso y formularios se conservan; los registros pendientes aún se pueden firmar. Para editar o enmendar un registro, reactívelo primero.</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Verification problem</source>
        <translation>Problema de verificación</translation>
    </message>
    <message>
        <source>Supervisee sections</source>
        <translation>Secciones del supervisado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>E&amp;dit details…</source>
        <translation>E&amp;ditar datos…</translation>
    </message>
    <message>
        <source>Edit this supervisee&apos;s details</source>
        <translation>Editar los datos de este supervisado</translation>
    </message>
    <message>
        <source>Mark &amp;inactive</source>
        <translation>Marcar &amp;inactivo</translation>
    </message>
    <message>
        <source>Mark this supervisee inactive</source>
        <translation>Marcar a este supervisado como inactivo</translation>
    </message>
    <message>
        <source>Give their hours &amp;file…</source>
        <translation>Entregar su arc&amp;hivo de horas…</translation>
    </message>
    <message>
        <source>Give this supervisee their hours file</source>
        <translation>Entregar a este supervisado su archivo de horas</translation>
    </message>
    <message>
        <source>Save their signed records, with the signatures, to a file they keep and take along</source>
        <translation>Guardar sus registros firmados, con las firmas, en un archivo que la persona conserva y lleva consigo</translation>
    </message>
    <message>
        <source>Still needed for the credential</source>
        <translation>Lo que falta para la credencial</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>Aún falta</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Supervision hours (signed)</source>
        <translation>Horas de supervisión (firmadas)</translation>
    </message>
    <message>
        <source>Supervised experience hours (signed)</source>
        <translation>Horas de experiencia supervisada (firmadas)</translation>
    </message>
    <message>
        <source>Hours by supervisor (signed)</source>
        <translation>Horas por supervisor (firmadas)</translation>
    </message>
    <message>
        <source>Hours by supervisor</source>
        <translation>Horas por supervisor</translation>
    </message>
    <message>
        <source>Supervision hours over time</source>
        <translation>Horas de supervisión en el tiempo</translation>
    </message>
    <message>
        <source>Experience hours over time</source>
        <translation>Horas de experiencia en el tiempo</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Progreso</translation>
    </message>
    <message>
        <source>Sessions of this supervisee</source>
        <translation>Sesiones de este supervisado</translation>
    </message>
    <message>
        <source>Sessio&amp;ns</source>
        <translation>Sesio&amp;nes</translation>
    </message>
    <message>
        <source>Experience entries of this supervisee</source>
        <translation>Registros de experiencia de este supervisado</translation>
    </message>
    <message>
        <source>Experience &amp;entries</source>
        <translation>&amp;Experiencia</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Capacitación</translation>
    </message>
    <message>
        <source>&amp;Jobs (51%)</source>
        <translation>Emp&amp;leos (51%)</translation>
    </message>
    <message>
        <source>Review &amp;with {name}…</source>
        <translation>Revisar c&amp;on {name}…</translation>
    </message>
    <message>
        <source>Reactivate this supervisee first</source>
        <translation>Primero reactive a este supervisado</translation>
    </message>
    <message>
        <source>Give {name} their hours &amp;file…</source>
        <translation>Entregar a {name} su arc&amp;hivo de horas…</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reactivar</translation>
    </message>
    <message>
        <source>Reactivate this supervisee</source>
        <translation>Reactivar a este supervisado</translation>
    </message>
    <message>
        <source>They left the agency: hide them from the list and from new sessions</source>
        <translation>Dejó la agencia: ocultarlo en la lista y en las sesiones nuevas</translation>
    </message>
    <message>
        <source>Show them in the list and in new sessions again</source>
        <translation>Volver a mostrarlo en la lista y en las sesiones nuevas</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>ICB applicant ID</source>
        <translation>Número de solicitante del ICB</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Supervisor of record</source>
        <translation>Supervisor responsable</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Signed supervision</source>
        <translation>Supervisión firmada</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s), {first} to {last} ({months})</source>
        <translation>
            <numerusform>%n sesión, del {first} al {last} ({months})</numerusform>
            <numerusform>%n sesiones, del {first} al {last} ({months})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message>
        <source>Individual / group</source>
        <translation>Individual / grupal</translation>
    </message>
    <message>
        <source>{i} h / {g} h</source>
        <translation>{i} h / {g} h</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <source>{done} of {required} h ({self_reported} h self-reported; see Training)</source>
        <translation>{done} de {required} h ({self_reported} h autodeclaradas; vea Capacitación)</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#1e6b1e&apos;&gt;&lt;b&gt;Supervision and experience are met.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#1e6b1e&apos;&gt;&lt;b&gt;Se cumplen la supervisión y la experiencia.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#1e6b1e&apos;&gt;&lt;b&gt;Every requirement is met.&lt;/b&gt; Your supervisor can print the attestation form.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#1e6b1e&apos;&gt;&lt;b&gt;Se cumplen todos los requisitos.&lt;/b&gt; Su supervisor puede imprimir el formulario de attestation.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#1e6b1e&apos;&gt;&lt;b&gt;Every requirement is met.&lt;/b&gt; The attestation form can be printed.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#1e6b1e&apos;&gt;&lt;b&gt;Se cumplen todos los requisitos.&lt;/b&gt; Ya se puede imprimir el formulario de attestation.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>Para tener en cuenta</translation>
    </message>
    <message>
        <source>Some of these records fail verification (they were changed outside the app after signing). The figures below include them: do not print an attestation until this is resolved. Details: Audit ▸ Verify records.
</source>
        <translation>Algunos de estos registros no pasan la verificación (se cambiaron fuera de la app después de firmarse). Las cifras de abajo los incluyen: no imprima una attestation hasta que esto se resuelva. Detalles: Auditoría ▸ Verificar registros.
</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{h} h ({c} h counted)</source>
        <translation>{h} h ({c} h cuentan)</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>Experiencia</translation>
    </message>
</context>
<context>
    <name>SuperviseeDialog</name>
    <message>
        <source>New supervisee</source>
        <translation>Nuevo supervisado</translation>
    </message>
    <message>
        <source>Edit supervisee</source>
        <translation>Editar supervisado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Full name, as on the ICB application</source>
        <translation>Nombre completo, como en la solicitud al ICB</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Credential working toward</source>
        <translation>Credencial que busca obtener</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>&amp;Credencial:</translation>
    </message>
    <message>
        <source>Why the credential cannot change</source>
        <translation>Por qué no se puede cambiar la credencial</translation>
    </message>
    <message>
        <source>ICB applicant ID</source>
        <translation>Número de solicitante del ICB</translation>
    </message>
    <message>
        <source>optional; printed on the attestation</source>
        <translation>opcional; se imprime en la attestation</translation>
    </message>
    <message>
        <source>ICB applicant &amp;ID:</source>
        <translation>Número de solicitante del &amp;ICB:</translation>
    </message>
    <message>
        <source>Position title</source>
        <translation>Nombre del puesto</translation>
    </message>
    <message>
        <source>e.g. Peer Support Specialist</source>
        <translation>p. ej., Especialista en apoyo entre pares</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Puesto:</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Conocida</translation>
    </message>
    <message>
        <source>Start date known</source>
        <translation>Fecha de inicio conocida</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>&amp;Fecha de inicio:</translation>
    </message>
    <message>
        <source>Hire date known</source>
        <translation>Fecha de contratación conocida</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>Fecha de contratación</translation>
    </message>
    <message>
        <source>The day the agency hired them: the Due view counts an employer&apos;s deadline from it.</source>
        <translation>El día en que la agencia contrató a la persona: la vista Vencimientos cuenta desde ahí el plazo de un empleador.</translation>
    </message>
    <message>
        <source>&amp;Hire date:</source>
        <translation>Fecha de con&amp;tratación:</translation>
    </message>
    <message>
        <source>Supervisor of record</source>
        <translation>Supervisor responsable</translation>
    </message>
    <message>
        <source>Supervisor of &amp;record:</source>
        <translation>Supervisor &amp;responsable:</translation>
    </message>
    <message>
        <source>&amp;Add supervisee</source>
        <translation>&amp;Agregar supervisado</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Guardar cambios</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>Close without saving? What you typed about this supervisee will be lost.</source>
        <translation>¿Cerrar sin guardar? Se perderá lo que escribió sobre este supervisado.</translation>
    </message>
    <message>
        <source>Close without saving? Your changes to this supervisee will be lost.</source>
        <translation>¿Cerrar sin guardar? Se perderán sus cambios en este supervisado.</translation>
    </message>
</context>
<context>
    <name>SuperviseeListPage</name>
    <message>
        <source>Supervisees</source>
        <translation>Supervisados</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Supervisees&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Supervisados&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Find a supervisee by name, credential or ICB ID (Ctrl+F)</source>
        <translation>Buscar un supervisado por nombre, credencial o número de ICB (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a supervisee</source>
        <translation>Buscar un supervisado</translation>
    </message>
    <message>
        <source>Only &amp;mine</source>
        <translation>Solo los &amp;míos</translation>
    </message>
    <message>
        <source>Only my supervisees</source>
        <translation>Solo mis supervisados</translation>
    </message>
    <message>
        <source>Show only the supervisees you are the supervisor of record for</source>
        <translation>Mostrar solo los supervisados de los que usted es el supervisor responsable</translation>
    </message>
    <message>
        <source>Show &amp;inactive</source>
        <translation>Mostrar &amp;inactivos</translation>
    </message>
    <message>
        <source>Show inactive supervisees</source>
        <translation>Mostrar supervisados inactivos</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open the selected supervisee</source>
        <translation>Abrir el supervisado seleccionado</translation>
    </message>
    <message>
        <source>Progress, sessions and experience (Enter)</source>
        <translation>Progreso, sesiones y experiencia (Enter)</translation>
    </message>
    <message>
        <source>New &amp;session with…</source>
        <translation>Nueva &amp;sesión con…</translation>
    </message>
    <message>
        <source>New session with the selected supervisee</source>
        <translation>Nueva sesión con el supervisado seleccionado</translation>
    </message>
    <message>
        <source>New s&amp;upervisee…</source>
        <translation>Nuevo s&amp;upervisado…</translation>
    </message>
    <message>
        <source>New supervisee</source>
        <translation>Nuevo supervisado</translation>
    </message>
    <message>
        <source>Verification of the file</source>
        <translation>Verificación del archivo</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Supervisees and their progress</source>
        <translation>Supervisados y su progreso</translation>
    </message>
    <message>
        <source>No supervisees</source>
        <translation>No hay supervisados</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s) · adding up their hours…</source>
        <translation>
            <numerusform>%n supervisado · sumando sus horas…</numerusform>
            <numerusform>%n supervisados · sumando sus horas…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s)</source>
        <translation>
            <numerusform>%n supervisado</numerusform>
            <numerusform>%n supervisados</numerusform>
        </translation>
    </message>
    <message>
        <source> · adding up their hours ({done} done)…</source>
        <translation> · sumando sus horas ({done} listos)…</translation>
    </message>
    <message>
        <source>Verifying every signed record…</source>
        <translation>Verificando todos los registros firmados…</translation>
    </message>
    <message>
        <source>Verifying every signed record: {pct}%…</source>
        <translation>Verificando todos los registros firmados: {pct}%…</translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s) with records that fail verification</source>
        <translation>
            <numerusform>%n supervisado con registros que no pasan la verificación</numerusform>
            <numerusform>%n supervisados con registros que no pasan la verificación</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n supervisee(s) match</source>
        <translation>
            <numerusform>{shown} de %n supervisado coinciden</numerusform>
            <numerusform>{shown} de %n supervisados coinciden</numerusform>
        </translation>
    </message>
    <message>
        <source> · {e} eligible · {o} overdue for supervision</source>
        <translation> · {e} elegibles · {o} con supervisión atrasada</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No supervisees yet&lt;/h3&gt;&lt;p&gt;Add the people you supervise with &lt;b&gt;New supervisee…&lt;/b&gt; (above, or File ▸ New supervisee). Their sessions, experience hours and progress toward the credential will show here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aún no hay supervisados&lt;/h3&gt;&lt;p&gt;Agregue a las personas que supervisa con &lt;b&gt;Nuevo supervisado…&lt;/b&gt; (arriba, o Archivo ▸ Nuevo supervisado). Aquí se mostrarán sus sesiones, sus horas de experiencia y su progreso hacia la credencial.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;None of your own supervisees here&lt;/h3&gt;&lt;p&gt;Clear &lt;b&gt;Only mine&lt;/b&gt; to see everyone.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aquí no hay ninguno de sus propios supervisados&lt;/h3&gt;&lt;p&gt;Desmarque &lt;b&gt;Solo los míos&lt;/b&gt; para ver a todos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No supervisee matches “{text}”&lt;/h3&gt;&lt;p&gt;The search looks at names, credentials, supervisors and ICB IDs, ignoring accents and capitals. Clear the search box to see everyone.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ningún supervisado coincide con “{text}”&lt;/h3&gt;&lt;p&gt;La búsqueda revisa nombres, credenciales, supervisores y números de ICB, sin distinguir acentos ni mayúsculas. Borre el cuadro de búsqueda para ver a todos.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SuperviseeTableModel</name>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>Experiencia</translation>
    </message>
    <message>
        <source>Pending h</source>
        <translation>h pend.</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Última sesión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Signed hours that count, as a share of the credential&apos;s requirement</source>
        <translation>Horas firmadas que cuentan, como parte del requisito de la credencial</translation>
    </message>
    <message>
        <source>Eligible: every requirement met. Overdue: no signed or pending session in the last 14 days. On track: neither.</source>
        <translation>Elegible: cumple todos los requisitos. Atrasado: ninguna sesión firmada o pendiente en los últimos 14 días. Al día: ninguno de los dos.</translation>
    </message>
    <message>
        <source>Adding up the signed hours…</source>
        <translation>Sumando las horas firmadas…</translation>
    </message>
    <message>
        <source>{pct}% · {h} h</source>
        <translation>{pct}% · {h} h</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguna aún</translation>
    </message>
    <message>
        <source>Records fail verification</source>
        <translation>Registros no pasan la verificación</translation>
    </message>
    <message>
        <source>Not verified yet: the file&apos;s signatures are being checked.</source>
        <translation>Aún no verificado: se están revisando las firmas del archivo.</translation>
    </message>
    <message>
        <source>{h} of {req} h signed and counted; {p} h waiting for signature</source>
        <translation>{h} de {req} h firmadas y contadas; {p} h esperan la firma</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>Edit supervisor</source>
        <translation>Editar supervisor</translation>
    </message>
    <message>
        <source>New supervisor</source>
        <translation>Nuevo supervisor</translation>
    </message>
    <message>
        <source>Printed on attestation forms as they are when a form is printed. The change is kept in the audit trail; signed records keep their signatures.</source>
        <translation>Se imprimen en los formularios de attestation tal como estén al imprimir cada formulario. El cambio queda en el registro de auditoría; los registros firmados conservan sus firmas.</translation>
    </message>
    <message>
        <source>The new supervisor types their own password here; they sign their own records with it.</source>
        <translation>El nuevo supervisor escribe aquí su propia contraseña; con ella firma sus propios registros.</translation>
    </message>
    <message>
        <source>Their &amp;password:</source>
        <translation>Su &amp;contraseña:</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Guardar cambios</translation>
    </message>
    <message>
        <source>&amp;Add supervisor</source>
        <translation>&amp;Agregar supervisor</translation>
    </message>
</context>
<context>
    <name>SupervisorForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Full name, as on your credential</source>
        <translation>Nombre completo, como en su credencial</translation>
    </message>
    <message>
        <source>&amp;Credentials:</source>
        <translation>C&amp;redenciales:</translation>
    </message>
    <message>
        <source>Credentials as printed</source>
        <translation>Credenciales tal como se imprimen</translation>
    </message>
    <message>
        <source>e.g. CRSS, LCPC</source>
        <translation>p. ej., CRSS, LCPC</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Puesto:</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>e.g. Clinical Supervisor</source>
        <translation>p. ej., Supervisor clínico</translation>
    </message>
    <message>
        <source>ICB certification &amp;#:</source>
        <translation>N.º de certificación &amp;ICB:</translation>
    </message>
    <message>
        <source>ICB certification number</source>
        <translation>Número de certificación del ICB</translation>
    </message>
    <message>
        <source>License t&amp;ype:</source>
        <translation>&amp;Tipo de licencia:</translation>
    </message>
    <message>
        <source>License type</source>
        <translation>Tipo de licencia</translation>
    </message>
    <message>
        <source>e.g. LCPC (optional)</source>
        <translation>p. ej., LCPC (opcional)</translation>
    </message>
    <message>
        <source>License n&amp;umber:</source>
        <translation>Númer&amp;o de licencia:</translation>
    </message>
    <message>
        <source>License number</source>
        <translation>Número de licencia</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Certification e&amp;xpires:</source>
        <translation>&amp;Vence la certificación:</translation>
    </message>
    <message>
        <source>ICB certification expires on</source>
        <translation>La certificación del ICB vence el</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>AAAA-MM-DD (opcional)</translation>
    </message>
    <message>
        <source>License expire&amp;s:</source>
        <translation>Vence la &amp;licencia:</translation>
    </message>
    <message>
        <source>License expires on</source>
        <translation>La licencia vence el</translation>
    </message>
</context>
<context>
    <name>SupervisorLeaveDialog</name>
    <message>
        <source>&lt;p&gt;{name} will be marked inactive: no longer listed at sign-in, no new records.&lt;/p&gt;&lt;p&gt;Their &lt;b&gt;{supervisees}&lt;/b&gt; go to the successor from the date below. What {name} signed stays theirs and still verifies. Their &lt;b&gt;{pending}&lt;/b&gt; waiting for signature can then be reviewed and signed by the successor, as the successor&apos;s own word: the printed form says who supervised and who signed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La cuenta de {name} quedará inactiva: ya no aparecerá al iniciar sesión ni tendrá registros nuevos.&lt;/p&gt;&lt;p&gt;Sus &lt;b&gt;{supervisees}&lt;/b&gt; pasan al sucesor a partir de la fecha de abajo. Lo que {name} firmó sigue siendo suyo y se sigue verificando. Sus &lt;b&gt;{pending}&lt;/b&gt; en espera de firma podrán ser revisados y firmados por el sucesor, bajo su propia palabra: el formulario impreso dice quién supervisó y quién firmó.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s)</source>
        <translation>
            <numerusform>%n supervisado</numerusform>
            <numerusform>%n supervisados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Qué va a pasar</translation>
    </message>
    <message>
        <source>{name} left the agency</source>
        <translation>{name} dejó la agencia</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>Sucesor</translation>
    </message>
    <message>
        <source>(nobody: nothing to hand over)</source>
        <translation>(nadie: no hay nada que traspasar)</translation>
    </message>
    <message>
        <source>&amp;Successor:</source>
        <translation>&amp;Sucesor:</translation>
    </message>
    <message>
        <source>The successor takes over on</source>
        <translation>El sucesor asume el</translation>
    </message>
    <message>
        <source>&amp;Takes over on:</source>
        <translation>&amp;Asume el:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>optional, e.g. moved to another agency</source>
        <translation>opcional, p. ej., se cambió a otra agencia</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Mark as left</source>
        <translation>&amp;Registrar salida</translation>
    </message>
</context>
<context>
    <name>SupervisorTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Left {day}; successor {name}</source>
        <translation>Salió el {day}; sucesor: {name}</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Active, no password yet</source>
        <translation>Activo, aún sin contraseña</translation>
    </message>
    <message>
        <source>certification</source>
        <translation>certificación</translation>
    </message>
    <message>
        <source>license</source>
        <translation>licencia</translation>
    </message>
    <message>
        <source>{what} expired {day}</source>
        <translation>{what} vencida el {day}</translation>
    </message>
    <message>
        <source>{what} expires {day}</source>
        <translation>{what} vence el {day}</translation>
    </message>
    <message>
        <source>{what} to {day}</source>
        <translation>{what} hasta el {day}</translation>
    </message>
</context>
<context>
    <name>SupervisorsSection</name>
    <message>
        <source>Supervisors</source>
        <translation>Supervisores</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the selected supervisor</source>
        <translation>Editar el supervisor seleccionado</translation>
    </message>
    <message>
        <source>Set pass&amp;word…</source>
        <translation>Asig&amp;nar contraseña…</translation>
    </message>
    <message>
        <source>Set the selected supervisor&apos;s password</source>
        <translation>Asignar la contraseña del supervisor seleccionado</translation>
    </message>
    <message>
        <source>A first password, or a forgotten one: they type it, you confirm with yours</source>
        <translation>Una primera contraseña, o una olvidada: la persona la escribe y usted confirma con la suya</translation>
    </message>
    <message>
        <source>Left the a&amp;gency…</source>
        <translation>Dejó la agenc&amp;ia…</translation>
    </message>
    <message>
        <source>The selected supervisor left the agency</source>
        <translation>El supervisor seleccionado dejó la agencia</translation>
    </message>
    <message>
        <source>Mark inactive and hand their supervisees to a successor</source>
        <translation>Marcarlo como inactivo y pasar sus supervisados a un sucesor</translation>
    </message>
    <message>
        <source>Rea&amp;ctivate</source>
        <translation>Reacti&amp;var</translation>
    </message>
    <message>
        <source>Reactivate the selected supervisor</source>
        <translation>Reactivar el supervisor seleccionado</translation>
    </message>
    <message>
        <source>Review pe&amp;nding they left…</source>
        <translation>Pendientes que de&amp;jó…</translation>
    </message>
    <message>
        <source>Review what the selected supervisor left unsigned</source>
        <translation>Revisar lo que el supervisor seleccionado dejó sin firmar</translation>
    </message>
    <message>
        <source>You are their successor: sign what you can vouch for</source>
        <translation>Usted es su sucesor: firme lo que pueda respaldar</translation>
    </message>
    <message>
        <source>New recovery &amp;key…</source>
        <translation>C&amp;lave de recuperación…</translation>
    </message>
    <message>
        <source>Make a new recovery key for me</source>
        <translation>Crear una nueva clave de recuperación para mí</translation>
    </message>
    <message>
        <source>For a forgotten password: written down, kept away from this computer</source>
        <translation>Para una contraseña olvidada: anotada y guardada lejos de esta computadora</translation>
    </message>
    <message>
        <source>Supervisors status</source>
        <translation>Estado de los supervisores</translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>Cambios guardados.</translation>
    </message>
    <message>
        <source>Password set for {name}.</source>
        <translation>Contraseña asignada a {name}.</translation>
    </message>
    <message>
        <source>{name} is marked inactive.</source>
        <translation>La cuenta de {name} quedó inactiva.</translation>
    </message>
    <message>
        <source>{name} is marked inactive; {supervisees} now with {successor}, who can review and sign the {records} left pending.</source>
        <translation>La cuenta de {name} quedó inactiva; {supervisees} ahora con {successor}, que puede revisar y firmar lo que quedó pendiente ({records}).</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>La cuenta de {name} está activa de nuevo.</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Nueva clave de recuperación</translation>
    </message>
    <message>
        <source>A new recovery key replaces the one you have (if any): the old one stops working. Write the new one down and keep it away from this computer.</source>
        <translation>Una nueva clave de recuperación reemplaza la que tiene (si la hay): la anterior deja de funcionar. Anote la nueva y guárdela lejos de esta computadora.</translation>
    </message>
    <message>
        <source>&amp;Make a new key</source>
        <translation>&amp;Crear una clave nueva</translation>
    </message>
</context>
<context>
    <name>ToSignPage</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source> (amendment)</source>
        <translation> (enmienda)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Supervisee(s)</source>
        <translation>Supervisado(s)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Dominios</translation>
    </message>
    <message>
        <source>Amendment reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>To sign</source>
        <translation>Por firmar</translation>
    </message>
    <message>
        <source>&lt;h2&gt;To sign&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Por firmar&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Records you supervise that wait for your signature. Read each one over, select the ones to sign (click; Ctrl+click or Shift+click for several; Select all or Ctrl+A for all), then Sign: your password is asked once for the whole batch. Signed records are final; corrections are amendments or voids with a reason.</source>
        <translation>Registros que usted supervisa y que esperan su firma. Revise cada uno, seleccione los que va a firmar (clic; Ctrl+clic o Shift+clic para varios; Seleccionar todo o Ctrl+A para todos) y luego Firmar: la contraseña se pide una sola vez para todo el lote. Los registros firmados son definitivos; las correcciones son enmiendas o anulaciones con un motivo.</translation>
    </message>
    <message>
        <source>Records you supervise that wait for your signature. Signing is not possible here: this copy of the app is read only (see the banner above).</source>
        <translation>Registros que usted supervisa y que esperan su firma. Aquí no se puede firmar: esta copia de la app es de solo lectura (vea el aviso de arriba).</translation>
    </message>
    <message>
        <source>Credential warning</source>
        <translation>Aviso de credencial</translation>
    </message>
    <message>
        <source>&amp;Sign selected…</source>
        <translation>&amp;Firmar seleccionados…</translation>
    </message>
    <message>
        <source>Sign the selected records</source>
        <translation>Firmar los registros seleccionados</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>Select all records waiting for signature</source>
        <translation>Seleccionar todos los registros que esperan la firma</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Editar el registro seleccionado</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>Eliminar el registro seleccionado</translation>
    </message>
    <message>
        <source>Selection summary</source>
        <translation>Resumen de la selección</translation>
    </message>
    <message>
        <source>Records waiting for signature</source>
        <translation>Registros que esperan la firma</translation>
    </message>
    <message>
        <source>Nothing waits for your signature.</source>
        <translation>Nada espera su firma.</translation>
    </message>
    <message>
        <source>Nothing to sign</source>
        <translation>Nada por firmar</translation>
    </message>
    <message numerus="yes">
        <source>Your {kind} {number} expires on {date} (in %n day(s)). Records dated after that cannot be signed until you record the renewal (File &gt; Training and credentials…).</source>
        <translation>
            <numerusform>Su {kind} {number} vence el {date} (en %n día). Los registros con fecha posterior no se pueden firmar hasta que registre la renovación (Archivo &gt; Capacitación y credenciales…).</numerusform>
            <numerusform>Su {kind} {number} vence el {date} (en %n días). Los registros con fecha posterior no se pueden firmar hasta que registre la renovación (Archivo &gt; Capacitación y credenciales…).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Sign {n} selected…</source>
        <translation>&amp;Firmar {n} seleccionados…</translation>
    </message>
    <message>
        <source>{total} waiting · {n} selected ({length})</source>
        <translation>{total} en espera · {n} seleccionados ({length})</translation>
    </message>
    <message>
        <source>the {kind} of {when} ({who})</source>
        <translation>{kind} del {when} ({who})</translation>
    </message>
</context>
<context>
    <name>TrainingEditor</name>
    <message>
        <source>Change training</source>
        <translation>Cambiar capacitación</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>Nueva capacitación</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>As on the certificate</source>
        <translation>Como en el certificado</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>P&amp;rovider:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Presencial</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>&amp;Delivery:</source>
        <translation>&amp;Modalidad:</translation>
    </message>
    <message>
        <source>Hours by topic area</source>
        <translation>Horas por área temática</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Hours of {area}</source>
        <translation>Horas de {area}</translation>
    </message>
    <message>
        <source>No certificate attached</source>
        <translation>No hay certificado adjunto</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>&amp;Attach certificate…</source>
        <translation>&amp;Adjuntar certificado…</translation>
    </message>
    <message>
        <source>Attach the certificate (PDF or image, at most 5 MB)</source>
        <translation>Adjuntar el certificado (PDF o imagen, 5 MB como máximo)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the certificate</source>
        <translation>Quitar el certificado</translation>
    </message>
    <message>
        <source>Attach the certificate</source>
        <translation>Adjuntar el certificado</translation>
    </message>
    <message>
        <source>Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Certificados (*.pdf *.png *.jpg *.jpeg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
</context>
<context>
    <name>TrainingImportDialog</name>
    <message>
        <source>Import training from {name}</source>
        <translation>Importar capacitación de {name}</translation>
    </message>
    <message>
        <source>Import training</source>
        <translation>Importar capacitación</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n training entry(s)</source>
        <translation>
            <numerusform>&amp;Importar %n capacitación</numerusform>
            <numerusform>&amp;Importar %n capacitaciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingModel</name>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Áreas</translation>
    </message>
    <message>
        <source>Confirmed by {name}</source>
        <translation>Confirmada por {name}</translation>
    </message>
    <message>
        <source>Self-reported</source>
        <translation>Autodeclarada</translation>
    </message>
    <message>
        <source>Confirmation does not match!</source>
        <translation>¡La confirmación no coincide!</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>presencial</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training and credentials</source>
        <translation>Capacitación y credenciales</translation>
    </message>
    <message>
        <source>Education and renewal progress</source>
        <translation>Progreso de educación y renovación</translation>
    </message>
    <message>
        <source>Training and education</source>
        <translation>Capacitación y educación</translation>
    </message>
    <message>
        <source>Training entries</source>
        <translation>Registros de capacitación</translation>
    </message>
    <message>
        <source>New trainin&amp;g…</source>
        <translation>Nueva capaci&amp;tación…</translation>
    </message>
    <message>
        <source>Record a training</source>
        <translation>Registrar una capacitación</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>Cam&amp;biar…</translation>
    </message>
    <message>
        <source>Change the selected training</source>
        <translation>Cambiar la capacitación seleccionada</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>Eli&amp;minar</translation>
    </message>
    <message>
        <source>Delete the selected training</source>
        <translation>Eliminar la capacitación seleccionada</translation>
    </message>
    <message>
        <source>C&amp;onfirm (sign)…</source>
        <translation>Confirmar (&amp;firmar)…</translation>
    </message>
    <message>
        <source>Confirm the selected training with your signature</source>
        <translation>Confirmar la capacitación seleccionada con su firma</translation>
    </message>
    <message>
        <source>&amp;View certificate</source>
        <translation>&amp;Ver certificado</translation>
    </message>
    <message>
        <source>Show the selected training&apos;s certificate</source>
        <translation>Mostrar el certificado de la capacitación seleccionada</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>Im&amp;portar…</translation>
    </message>
    <message>
        <source>Import training from a spreadsheet</source>
        <translation>Importar capacitación desde una hoja de cálculo</translation>
    </message>
    <message>
        <source>Credentials held</source>
        <translation>Credenciales que tiene</translation>
    </message>
    <message>
        <source>Add &amp;credential…</source>
        <translation>A&amp;gregar credencial…</translation>
    </message>
    <message>
        <source>Record a credential or licence</source>
        <translation>Registrar una credencial o licencia</translation>
    </message>
    <message>
        <source>&amp;Remove credential</source>
        <translation>&amp;Quitar credencial</translation>
    </message>
    <message>
        <source>Remove the selected credential</source>
        <translation>Quitar la credencial seleccionada</translation>
    </message>
    <message>
        <source>Hire date:</source>
        <translation>Fecha de contratación:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Hire date (an employer&apos;s credential deadline counts from it)</source>
        <translation>Fecha de contratación (el plazo de credencial de un empleador cuenta desde ella)</translation>
    </message>
    <message>
        <source>Save hire date</source>
        <translation>Guardar fecha de contratación</translation>
    </message>
    <message>
        <source>Save the hire date</source>
        <translation>Guardar la fecha de contratación</translation>
    </message>
    <message>
        <source> ({start} to {end})</source>
        <translation> (del {start} al {end})</translation>
    </message>
    <message>
        <source>{title}{period}: {done} of {required} h</source>
        <translation>{title}{period}: {done} de {required} h</translation>
    </message>
    <message>
        <source>met</source>
        <translation>cumplido</translation>
    </message>
    <message>
        <source>Record a credential with its expiry to see progress toward its renewal.</source>
        <translation>Registre una credencial con su vencimiento para ver el progreso hacia su renovación.</translation>
    </message>
    <message>
        <source>Delete training</source>
        <translation>Eliminar capacitación</translation>
    </message>
    <message>
        <source>Delete the training “{title}” ({date}) and its certificate?</source>
        <translation>¿Eliminar la capacitación “{title}” ({date}) y su certificado?</translation>
    </message>
    <message>
        <source>Confirm training</source>
        <translation>Confirmar capacitación</translation>
    </message>
    <message>
        <source>Confirm “{title}” ({hours} h, {date}) as {name}: your signature says the training took place as recorded, certificate included. A confirmed training cannot be changed.</source>
        <translation>Confirmar “{title}” ({hours} h, {date}) como {name}: su firma indica que la capacitación se realizó tal como está registrada, certificado incluido. Una capacitación confirmada no se puede cambiar.</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirmar</translation>
    </message>
    <message>
        <source>Import training</source>
        <translation>Importar capacitación</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Hojas de cálculo (*.xlsx *.csv);;Libros de Excel (*.xlsx);;Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Remove credential</source>
        <translation>Quitar credencial</translation>
    </message>
    <message>
        <source>Remove the {kind} {number} recorded by mistake?</source>
        <translation>¿Quitar la credencial {kind} {number} registrada por error?</translation>
    </message>
</context>
<context>
    <name>check_password</name>
    <message>
        <source>Wrong password.</source>
        <translation>Contraseña incorrecta.</translation>
    </message>
</context>
<context>
    <name>pdf_output</name>
    <message>
        <source>Print {title}</source>
        <translation>Imprimir {title}</translation>
    </message>
    <message>
        <source>Opened in your PDF viewer: print it from there ({path}).</source>
        <translation>Se abrió en su visor de PDF: imprímalo desde allí ({path}).</translation>
    </message>
    <message>
        <source>The printer could not be started, so nothing was printed. Check the printer and try again.</source>
        <translation>No se pudo iniciar la impresora, así que no se imprimió nada. Revise la impresora e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The printer stopped before the whole form was sent. Check the printer and try again.</source>
        <translation>La impresora se detuvo antes de recibir todo el formulario. Revise la impresora e inténtelo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Se envió %n página a la impresora.</numerusform>
            <numerusform>Se enviaron %n páginas a la impresora.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Screens</source>
        <translation>Pantallas</translation>
    </message>
    <message>
        <source>Current screen</source>
        <translation>Pantalla actual</translation>
    </message>
</context>
</TS>
