<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AgencyServerSection</name>
    <message>
        <source>Agency server (sync)</source>
        <translation>Servidor de la agencia (sincronización)</translation>
    </message>
    <message>
        <source>The address from your agency's IT, without the password: the app asks for it
once each time it runs (never saved), or IT puts it in ~/.pgpass.
Leave it empty to work on this laptop alone.</source>
        <translation>La dirección que le da el equipo de IT de su agencia, sin la contraseña: la app
la pide una vez cada vez que se abre (nunca la guarda), o IT la pone en ~/.pgpass.
Déjela vacía para trabajar solo en esta computadora portátil.</translation>
    </message>
    <message>
        <source>~/.pgpass is PostgreSQL's own password file (on Windows %APPDATA%\postgresql\pgpass.conf); with it the app never asks.</source>
        <translation>~/.pgpass es el archivo de contraseñas de PostgreSQL (en Windows %APPDATA%\postgresql\pgpass.conf); con él, la app nunca la pide.</translation>
    </message>
    <message>
        <source>Agency server address</source>
        <translation>Dirección del servidor de la agencia</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Dirección del servidor (&amp;a):</translation>
    </message>
    <message>
        <source>Sync when the app star&amp;ts</source>
        <translation>Sincronizar al abrir la app (&amp;t)</translation>
    </message>
    <message>
        <source>Sync when the app starts</source>
        <translation>Sincronizar al abrir la app</translation>
    </message>
    <message>
        <source>Sync after s&amp;igning</source>
        <translation>Sincronizar después de f&amp;irmar</translation>
    </message>
    <message>
        <source>Sync after signing</source>
        <translation>Sincronizar después de firmar</translation>
    </message>
    <message>
        <source>Sav&amp;e address</source>
        <translation>Guardar dir&amp;ección</translation>
    </message>
    <message>
        <source>Save the agency server address</source>
        <translation>Guardar la dirección del servidor de la agencia</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Probar &amp;conexión</translation>
    </message>
    <message>
        <source>Test the connection to the agency server</source>
        <translation>Probar la conexión con el servidor de la agencia</translation>
    </message>
    <message>
        <source>Agency server status</source>
        <translation>Estado del servidor de la agencia</translation>
    </message>
    <message>
        <source>Saved. File ▸ Sync with the agency (Ctrl+Shift+Y) syncs this laptop with it.</source>
        <translation>Guardado. Archivo ▸ Sincronizar con la agencia (Ctrl+Shift+Y) sincroniza esta computadora con él.</translation>
    </message>
    <message>
        <source>Saved: no agency server. This laptop works alone.</source>
        <translation>Guardado: sin servidor de la agencia. Esta computadora trabaja sola.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>✓ Connected: the agency database {name} answers and is ready to sync.</source>
        <translation>✓ Conectado: la base de datos de la agencia {name} responde y está lista para sincronizar.</translation>
    </message>
    <message>
        <source>The server asks for a password.</source>
        <translation>El servidor pide una contraseña.</translation>
    </message>
    <message>
        <source>✗ Not reachable: {reason}</source>
        <translation>✗ No se puede conectar: {reason}</translation>
    </message>
    <message>
        <source>✗ Not ready: {reason}</source>
        <translation>✗ No está listo: {reason}</translation>
    </message>
</context>
<context>
    <name>AllocationGrid</name>
    <message>
        <source>Choose who attended to see their performance domains.</source>
        <translation>Elija quiénes asistieron para ver sus dominios de desempeño.</translation>
    </message>
    <message>
        <source>Allocated time</source>
        <translation>Tiempo asignado</translation>
    </message>
    <message>
        <source>Time per performance domain</source>
        <translation>Tiempo por dominio de desempeño</translation>
    </message>
    <message>
        <source>{domain}, {unit}</source>
        <translation>{domain}, {unit}</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Total: {hours} hours</source>
        <translation>Total: {hours} horas</translation>
    </message>
    <message>
        <source>Allocated: {total} min</source>
        <translation>Asignado: {total} min</translation>
    </message>
    <message>
        <source>Allocated {total} of {length} min: all allocated.</source>
        <translation>Asignados {total} de {length} min: todo asignado.</translation>
    </message>
    <message>
        <source>Allocated {total} of {length} min: {left} min left to allocate.</source>
        <translation>Asignados {total} de {length} min: faltan {left} min por asignar.</translation>
    </message>
    <message>
        <source>Allocated {total} of {length} min: {over} min too many.</source>
        <translation>Asignados {total} de {length} min: sobran {over} min.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>{database} on {server}</source>
        <translation>{database} en {server}</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Copia de seguridad restaurada</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>¿Cerrar sesión?</translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Sign out and lose them?</source>
        <translation>Un editor tiene cambios sin guardar. ¿Cerrar sesión y perderlos?</translation>
    </message>
    <message>
        <source>Checking the whole database file (once a day)…</source>
        <translation>Revisando todo el archivo de la base de datos (una vez al día)…</translation>
    </message>
    <message>
        <source>Database file check</source>
        <translation>Revisión del archivo de la base de datos</translation>
    </message>
    <message>
        <source>The whole database file was checked: every page reads.</source>
        <translation>Se revisó todo el archivo de la base de datos: todas las páginas se leen bien.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Restoring the backup and checking every record…</source>
        <translation>Restaurando la copia de seguridad y verificando cada registro…</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restaurando</translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation>Restaurando la copia de seguridad</translation>
    </message>
    <message>
        <source>The backup of {taken} is restored, and its records passed verification.</source>
        <translation>Se restauró la copia de seguridad del {taken} y sus registros pasaron la verificación.</translation>
    </message>
    <message>
        <source>The database as it was just before is kept as {path} (and in the automatic backups).</source>
        <translation>La base de datos tal como estaba justo antes se conserva como {path} (y en las copias de seguridad automáticas).</translation>
    </message>
    <message>
        <source>The backup was not restored; the database is unchanged. {reason}</source>
        <translation>No se restauró la copia de seguridad; la base de datos no cambió. {reason}</translation>
    </message>
    <message>
        <source>Backup not restored</source>
        <translation>Copia de seguridad no restaurada</translation>
    </message>
</context>
<context>
    <name>AttachmentRow</name>
    <message>
        <source>Attached: {name}</source>
        <translation>Adjunto: {name}</translation>
    </message>
    <message>
        <source>To attach: {name}</source>
        <translation>Por adjuntar: {name}</translation>
    </message>
</context>
<context>
    <name>AttendeePicker</name>
    <message>
        <source>Type a name, then Enter to check it (↓ to the list)</source>
        <translation>Escriba un nombre y pulse Enter para marcarlo (↓ a la lista)</translation>
    </message>
    <message>
        <source>Filter supervisees</source>
        <translation>Filtrar supervisados</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>Check everyone who attended; Space checks the current name.</source>
        <translation>Marque a todos los que asistieron; Espacio marca el nombre actual.</translation>
    </message>
</context>
<context>
    <name>AttestationTableModel</name>
    <message>
        <source>Serial</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>First printed</source>
        <translation>Primera impresión</translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Supervision h</source>
        <translation>Supervisión h</translation>
    </message>
    <message>
        <source>Experience h</source>
        <translation>Experiencia h</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>Impresiones</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella digital</translation>
    </message>
</context>
<context>
    <name>AttestationsPage</name>
    <message>
        <source>Attestations</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>My statement</source>
        <translation>Mi informe</translation>
    </message>
    <message>
        <source>&lt;h2&gt;My progress statement&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Mi informe de progreso&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Attestations&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Attestations (certificaciones)&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>Qué imprimir</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Supervision verification (the board's form and session log)</source>
        <translation>Verificación de supervisión (formulario del ICB y registro de sesiones)</translation>
    </message>
    <message>
        <source>Progress statement (for the supervisee)</source>
        <translation>Informe de progreso (para el supervisado)</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Formulario:</translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>Su&amp;pervisee:</source>
        <translation>Su&amp;pervisado:</translation>
    </message>
    <message>
        <source>Supervisor who attests</source>
        <translation>Supervisor que certifica</translation>
    </message>
    <message>
        <source>Supervis&amp;or:</source>
        <translation>Supervis&amp;or:</translation>
    </message>
    <message>
        <source>From date (any)</source>
        <translation>Fecha desde (cualquiera)</translation>
    </message>
    <message>
        <source>To date (any)</source>
        <translation>Fecha hasta (cualquiera)</translation>
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
        <source>Leave out records still &amp;waiting for signature</source>
        <translation>Omitir registros que aún &amp;esperan firma</translation>
    </message>
    <message>
        <source>Print the signed records only</source>
        <translation>Imprimir solo los registros firmados</translation>
    </message>
    <message>
        <source>Add the agency &amp;notes pages (sources, what to verify)</source>
        <translation>Agregar las páginas de &amp;notas de la agencia (fuentes, qué verificar)</translation>
    </message>
    <message>
        <source>Add the agency notes pages, which are not for the board</source>
        <translation>Agregar las páginas de notas de la agencia, que no son para el ICB</translation>
    </message>
    <message>
        <source>For the agency's file: where each rule comes from and what to verify with the board. Leave it off for the copy you send to the board.</source>
        <translation>Para el archivo de la agencia: de dónde viene cada regla y qué verificar con el ICB. Déjelo sin marcar en la copia que envía al ICB.</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Vista pre&amp;via</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Read only: this database is open in another copy of supervisor_app</source>
        <translation>Solo lectura: esta base de datos está abierta en otra copia de supervisor_app</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>The form is built from signed records only. Each print is recorded with a serial number and a record fingerprint printed on every page, so the paper can be matched to the records later. Printing the same records again reuses the serial number.</source>
        <translation>El formulario se hace solo con registros firmados. Cada impresión se registra con un número de serie y una huella digital de los registros impresa en cada página, para poder cotejar el papel con los registros más adelante. Si imprime de nuevo los mismos registros, se usa el mismo número de serie.</translation>
    </message>
    <message>
        <source>Your statement shows signed and pending hours and what is still needed. It is not an ICB form.</source>
        <translation>Su informe muestra las horas firmadas y pendientes y lo que aún falta. No es un formulario del ICB.</translation>
    </message>
    <message>
        <source>Printed attestations</source>
        <translation>Attestations impresas</translation>
    </message>
    <message>
        <source>Nothing printed yet. Each print or saved PDF is listed here.</source>
        <translation>Aún no se ha impreso nada. Cada impresión o PDF guardado aparece aquí.</translation>
    </message>
    <message>
        <source>No attestation printed yet</source>
        <translation>Aún no hay attestations impresas</translation>
    </message>
    <message>
        <source>&amp;Reprint selected…</source>
        <translation>&amp;Reimprimir la seleccionada…</translation>
    </message>
    <message>
        <source>Reprint the selected attestation</source>
        <translation>Reimprimir la attestation seleccionada</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Preparando la vista previa…</translation>
    </message>
    <message>
        <source>The records in this range changed since {serial} was printed (its fingerprint no longer matches), so printing now makes a new form with a new serial number.</source>
        <translation>Los registros de este período cambiaron desde que se imprimió {serial} (su huella digital ya no coincide), así que imprimir ahora crea un formulario nuevo con un número de serie nuevo.</translation>
    </message>
    <message>
        <source>Printed before as {serial}: printing again gives the same document.</source>
        <translation>Ya se imprimió como {serial}: imprimir de nuevo da el mismo documento.</translation>
    </message>
    <message>
        <source>Not printed yet: a serial number is assigned when you print or save.</source>
        <translation>Aún no impreso: se asigna un número de serie al imprimir o guardar.</translation>
    </message>
    <message>
        <source>Preview ready.</source>
        <translation>Vista previa lista.</translation>
    </message>
    <message>
        <source>Not printed: the print dialog was cancelled. Nothing was recorded.</source>
        <translation>No se imprimió: se canceló el diálogo de impresión. No se registró nada.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
    <message>
        <source>Preparing the form…</source>
        <translation>Preparando el formulario…</translation>
    </message>
    <message>
        <source>Reprint of {serial}.</source>
        <translation>Reimpresión de {serial}.</translation>
    </message>
    <message>
        <source>Recorded as {serial}.</source>
        <translation>Registrado como {serial}.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to show: see the message on the left.</source>
        <translation>Nada que mostrar: vea el mensaje a la izquierda.</translation>
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
        <source>As of {day} · supervisor {name}</source>
        <translation>Al {day} · supervisor {name}</translation>
    </message>
    <message>
        <source>Counted toward the requirement: supervision {s} h of {ss} h signed, experience {e} h of {es} h.</source>
        <translation>Cuenta para el requisito: supervisión {s} h de {ss} h firmadas, experiencia {e} h de {es} h.</translation>
    </message>
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
    <message>
        <source>Every requirement is met.</source>
        <translation>Se cumplen todos los requisitos.</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>Experiencia</translation>
    </message>
    <message>
        <source>Progress statement {name}</source>
        <translation>Informe de progreso {name}</translation>
    </message>
    <message>
        <source>Progress statement: {name} ({code})</source>
        <translation>Informe de progreso: {name} ({code})</translation>
    </message>
    <message>
        <source>Record fingerprint</source>
        <translation>Huella digital de los registros</translation>
    </message>
    <message>
        <source>Serial: {serial}</source>
        <translation>Número de serie: {serial}</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>Aún falta</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Supervision verification {name}</source>
        <translation>Verificación de supervisión {name}</translation>
    </message>
    <message>
        <source>To verify with the board (not printed on the form):</source>
        <translation>Para verificar con el ICB (no se imprime en el formulario):</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>assigned when printed</source>
        <translation>se asigna al imprimir</translation>
    </message>
    <message>
        <source>{what}: {signed} of {required} h signed ({pending} h pending)</source>
        <translation>{what}: {signed} de {required} h firmadas ({pending} h pendientes)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Audit trail&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Registro de auditoría&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Record id (first characters)</source>
        <translation>Id. del registro (primeros caracteres)</translation>
    </message>
    <message>
        <source>Filter by record id</source>
        <translation>Filtrar por id. del registro</translation>
    </message>
    <message>
        <source>Filter by supervisee</source>
        <translation>Filtrar por supervisado</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Filtrar por acción</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Filter by who did it</source>
        <translation>Filtrar por quién lo hizo</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha desde</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha hasta</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>When (local time)</source>
        <translation>Cuándo (hora local)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>Review started</source>
        <translation>Revisión iniciada</translation>
    </message>
    <message>
        <source>Review ended</source>
        <translation>Revisión terminada</translation>
    </message>
    <message>
        <source>Edited in two databases</source>
        <translation>Editado en dos bases de datos</translation>
    </message>
    <message>
        <source>Training added</source>
        <translation>Capacitación agregada</translation>
    </message>
    <message>
        <source>Training edited</source>
        <translation>Capacitación editada</translation>
    </message>
    <message>
        <source>Training deleted</source>
        <translation>Capacitación eliminada</translation>
    </message>
    <message>
        <source>Training confirmed</source>
        <translation>Capacitación confirmada</translation>
    </message>
    <message>
        <source>Certificate attached</source>
        <translation>Certificado adjuntado</translation>
    </message>
    <message>
        <source>Certificate removed</source>
        <translation>Certificado quitado</translation>
    </message>
    <message>
        <source>Credential deleted</source>
        <translation>Credencial eliminada</translation>
    </message>
    <message>
        <source>Job added</source>
        <translation>Empleo agregado</translation>
    </message>
    <message>
        <source>Job edited</source>
        <translation>Empleo editado</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Huella del contenido</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Clave de firma</translation>
    </message>
    <message>
        <source>Whose audit trail</source>
        <translation>De qué base de datos es el registro de auditoría</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>Esta base de datos</translation>
    </message>
    <message>
        <source>Arrived from other databases</source>
        <translation>Llegado de otras bases de datos</translation>
    </message>
    <message>
        <source>A laptop's audit trail arrives at the agency database when the laptop syncs: its events are kept as that database wrote them, read-only.</source>
        <translation>El registro de auditoría de una computadora portátil llega a la base de datos de la agencia cuando la computadora se sincroniza: sus eventos se guardan tal como esa base de datos los escribió, solo para leer.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Eventos de auditoría</translation>
    </message>
    <message>
        <source>Verify records</source>
        <translation>Verificar registros</translation>
    </message>
    <message>
        <source>Re-computes every signed record's fingerprint and checks each supervisor's key signature, this audit trail and the backups, to prove nothing was changed, added or removed after signing (for example by editing the database file directly).</source>
        <translation>Recalcula la huella digital de cada registro firmado y comprueba la firma con clave de cada supervisor, este registro de auditoría y las copias de seguridad, para probar que nada se cambió, agregó ni quitó después de firmar (por ejemplo, editando directamente el archivo de la base de datos).</translation>
    </message>
    <message>
        <source>&amp;Verify records</source>
        <translation>&amp;Verificar registros</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>Progreso de la verificación</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Resultado de la verificación</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problemas encontrados</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>supervisor #{id} there</source>
        <translation>supervisor n.º {id} de allí</translation>
    </message>
    <message>
        <source>Database {id} ({agency})</source>
        <translation>Base de datos {id} ({agency})</translation>
    </message>
    <message>
        <source>Database {id}</source>
        <translation>Base de datos {id}</translation>
    </message>
    <message>
        <source>supervisee #{id} there</source>
        <translation>supervisado n.º {id} de allí</translation>
    </message>
    <message>
        <source>Any supervisee</source>
        <translation>Cualquier supervisado</translation>
    </message>
    <message>
        <source>Another database numbers its supervisees itself: filter its events by record instead.</source>
        <translation>Otra base de datos numera a sus supervisados a su manera: filtre sus eventos por registro.</translation>
    </message>
    <message>
        <source>No event matches these filters.</source>
        <translation>Ningún evento coincide con estos filtros.</translation>
    </message>
    <message>
        <source>No audit events from other databases are kept here. A laptop's audit trail arrives at the agency database when the laptop syncs with it; until then each laptop's Audit page shows its own.</source>
        <translation>Aquí no se guardan eventos de auditoría de otras bases de datos. El registro de auditoría de una computadora portátil llega a la base de datos de la agencia cuando la computadora se sincroniza con ella; hasta entonces, la página Auditoría de cada computadora muestra el suyo.</translation>
    </message>
    <message>
        <source>Nothing has been recorded in this database's audit trail yet.</source>
        <translation>Todavía no hay nada en el registro de auditoría de esta base de datos.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>All good: {records} records and {signatures} signatures checked, no problems found.</source>
        <translation>Todo bien: se verificaron {records} registros y {signatures} firmas, sin problemas.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found in {records} records and {signatures} signatures:</source>
        <translation>
            <numerusform>Se encontró %n problema en {records} registros y {signatures} firmas:</numerusform>
            <numerusform>Se encontraron %n problemas en {records} registros y {signatures} firmas:</numerusform>
        </translation>
    </message>
    <message>
        <source>Record {id}: {message}</source>
        <translation>Registro {id}: {message}</translation>
    </message>
    <message>
        <source>{subject}: {message}</source>
        <translation>{subject}: {message}</translation>
    </message>
    <message>
        <source>Warning, record {id}: {message}</source>
        <translation>Advertencia, registro {id}: {message}</translation>
    </message>
    <message>
        <source>Warning, {subject}: {message}</source>
        <translation>Advertencia, {subject}: {message}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>Enmendado</translation>
    </message>
    <message>
        <source>Amends</source>
        <translation>Enmienda a</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Deleted (pending)</source>
        <translation>Eliminado (pendiente)</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Dominios</translation>
    </message>
    <message>
        <source>Duplicates skipped</source>
        <translation>Duplicados omitidos</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Experience entries</source>
        <translation>Registros de experiencia</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella digital</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>ICB ID</source>
        <translation>Número de ICB</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>More records</source>
        <translation>Más registros</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Contraseña cambiada</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>Impreso por</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Records checked</source>
        <translation>Registros verificados</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reimpresión</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Signing locked</source>
        <translation>Firma bloqueada</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Supervisees</source>
        <translation>Supervisados</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>Contraseña incorrecta</translation>
    </message>
    <message>
        <source>everything pending</source>
        <translation>todo lo pendiente</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>record {id}</source>
        <translation>registro {id}</translation>
    </message>
    <message>
        <source>supervisee #{id}</source>
        <translation>supervisado n.º {id}</translation>
    </message>
    <message>
        <source>supervisor #{id}</source>
        <translation>supervisor n.º {id}</translation>
    </message>
    <message>
        <source>the experience entry {start} – {end}</source>
        <translation>el registro de experiencia {start} – {end}</translation>
    </message>
    <message>
        <source>the session of {date}</source>
        <translation>la sesión del {date}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Taken</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>Antes de restaurar</translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation>Antes de actualizar</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
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
        <source>Warning about the database's folder</source>
        <translation>Advertencia sobre la carpeta de la base de datos</translation>
    </message>
    <message>
        <source>This database is in {folder}, which a sync service (OneDrive, Dropbox, …) copies to the cloud: it holds the file while uploading, and two computers make conflicting copies. Keep the database in the app's own folder and rely on its backups.</source>
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
        <source>Agency database: {place}</source>
        <translation>Base de datos de la agencia: {place}</translation>
    </message>
    <message>
        <source>Agency database</source>
        <translation>Base de datos de la agencia</translation>
    </message>
    <message>
        <source>The agency database is backed up by its administrator, on the server: the app takes no backups of it and restores none.</source>
        <translation>La base de datos de la agencia la respalda su administrador, en el servidor: la aplicación no hace copias de seguridad de ella ni las restaura.</translation>
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
    <name>CertificateViewer</name>
    <message>
        <source>Job description: {name}</source>
        <translation>Descripción del puesto: {name}</translation>
    </message>
    <message>
        <source>Job description</source>
        <translation>Descripción del puesto</translation>
    </message>
    <message>
        <source>Job description {name}</source>
        <translation>Descripción del puesto {name}</translation>
    </message>
    <message>
        <source>Save a copy of the job description</source>
        <translation>Guardar una copia de la descripción del puesto</translation>
    </message>
    <message>
        <source>Certificate: {name}</source>
        <translation>Certificado: {name}</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Certificate {name}</source>
        <translation>Certificado {name}</translation>
    </message>
    <message>
        <source>Save a copy of the certificate</source>
        <translation>Guardar una copia del certificado</translation>
    </message>
    <message>
        <source>This image cannot be shown; save a copy to open it elsewhere.</source>
        <translation>Esta imagen no se puede mostrar; guarde una copia para abrirla en otro programa.</translation>
    </message>
    <message>
        <source>The PDF page view needs Qt PDF (PySide6-Addons). Save a copy to open it in your PDF viewer.</source>
        <translation>La vista de páginas PDF necesita Qt PDF (PySide6-Addons). Guarde una copia para abrirla en su visor de PDF.</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Guardar una copia…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Set the password of {name}</source>
        <translation>Establecer la contraseña de {name}</translation>
    </message>
    <message>
        <source>For a supervisor who has no password yet, or has forgotten theirs. They type the new password; you confirm with yours. The audit trail records that you set it.</source>
        <translation>Para un supervisor que aún no tiene contraseña o que olvidó la suya. Esa persona escribe la contraseña nueva; usted confirma con la suya. El registro de auditoría anota que usted la estableció.</translation>
    </message>
    <message>
        <source>&amp;Your password ({name}):</source>
        <translation>&amp;Su contraseña ({name}):</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Su contraseña</translation>
    </message>
    <message>
        <source>&amp;Their new password:</source>
        <translation>Contraseña &amp;nueva de esa persona:</translation>
    </message>
    <message>
        <source>Forgot password: {name}</source>
        <translation>Contraseña olvidada: {name}</translation>
    </message>
    <message>
        <source>Type the recovery key written down when the account was made (or last replaced). Without it, another supervisor of the agency can set a new password for you.</source>
        <translation>Escriba la clave de recuperación que anotó al crear la cuenta (o al reemplazarla por última vez). Sin ella, otro supervisor de la agencia puede establecerle una contraseña nueva.</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>Clave de &amp;recuperación:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>&amp;Establecer contraseña</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Cambiar contraseña</translation>
    </message>
</context>
<context>
    <name>ChangeSupervisorDialog</name>
    <message>
        <source>{who}: {since} to {until}</source>
        <translation>{who}: de {since} a {until}</translation>
    </message>
    <message>
        <source>{who}: since {since}</source>
        <translation>{who}: desde {since}</translation>
    </message>
    <message>
        <source>{who}: until {until}</source>
        <translation>{who}: hasta {until}</translation>
    </message>
    <message>
        <source>{who}: now</source>
        <translation>{who}: actual</translation>
    </message>
    <message>
        <source>Supervised by:</source>
        <translation>Supervisado por:</translation>
    </message>
    <message>
        <source>No supervisor of record yet.</source>
        <translation>Aún no hay supervisor registrado.</translation>
    </message>
    <message>
        <source>Supervisors so far</source>
        <translation>Supervisores hasta ahora</translation>
    </message>
    <message>
        <source>Change the supervisor of {name}</source>
        <translation>Cambiar el supervisor de {name}</translation>
    </message>
    <message>
        <source>New supervisor</source>
        <translation>Supervisor nuevo</translation>
    </message>
    <message>
        <source>&amp;New supervisor:</source>
        <translation>Supervisor &amp;nuevo:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>&amp;From (their first day):</source>
        <translation>&amp;Desde (su primer día):</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>optional, e.g. caseload change</source>
        <translation>opcional, p. ej., cambio de carga de casos</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>No record is changed: the records before this date stay with the supervisor who supervised them, and so do their signatures. The change is kept in the audit trail.</source>
        <translation>No se cambia ningún registro: los registros anteriores a esta fecha siguen con el supervisor que los supervisó, igual que sus firmas. El cambio queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>&amp;Change supervisor</source>
        <translation>&amp;Cambiar supervisor</translation>
    </message>
</context>
<context>
    <name>CredentialDialog</name>
    <message>
        <source>Add a credential</source>
        <translation>Agregar una credencial</translation>
    </message>
    <message>
        <source>Credential or licence</source>
        <translation>Credencial o licencia</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>&amp;Credencial:</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Número:</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Fecha de emisión</translation>
    </message>
    <message>
        <source>&amp;Issued:</source>
        <translation>&amp;Emitida:</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>&amp;Vence:</translation>
    </message>
    <message>
        <source>Issuing board</source>
        <translation>Junta emisora</translation>
    </message>
    <message>
        <source>The profile's board if left empty</source>
        <translation>Si se deja vacío, la junta del perfil</translation>
    </message>
    <message>
        <source>&amp;Board:</source>
        <translation>&amp;Junta:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
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
    <name>DataTransfer</name>
    <message>
        <source>Import template saved</source>
        <translation>Plantilla de importación guardada</translation>
    </message>
    <message>
        <source>Saved {path}.

Fill in one row per session or experience entry (the Columns sheet explains each column), then use File ▸ Import records…</source>
        <translation>Se guardó {path}.

Llene una fila por sesión o registro de experiencia (la hoja Columns explica cada columna) y luego use Archivo ▸ Importar registros…</translation>
    </message>
    <message>
        <source>Template not saved</source>
        <translation>Plantilla no guardada</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado a {path}</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exportación terminada</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) ({files}) to:
{path}

Sign-in passwords are never exported. Text that a spreadsheet would run as a formula starts with an extra '.</source>
        <translation>
            <numerusform>Se exportó %n fila ({files}) a:
{path}

Las contraseñas nunca se exportan. El texto que una hoja de cálculo ejecutaría como fórmula empieza con un ' adicional.</numerusform>
            <numerusform>Se exportaron %n filas ({files}) a:
{path}

Las contraseñas nunca se exportan. El texto que una hoja de cálculo ejecutaría como fórmula empieza con un ' adicional.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Export not finished</source>
        <translation>Exportación no terminada</translation>
    </message>
    <message>
        <source>Hours file not saved</source>
        <translation>Archivo de horas no guardado</translation>
    </message>
    <message>
        <source>Hours file saved to {path}</source>
        <translation>Archivo de horas guardado en {path}</translation>
    </message>
    <message>
        <source>Saved {name}'s hours file to:
{path}</source>
        <translation>Se guardó el archivo de horas de {name} en:
{path}</translation>
    </message>
    <message numerus="yes">
        <source>It holds %n signed record(s): {s} h of supervision and {e} h of experience that count</source>
        <translation>
            <numerusform>Contiene %n registro firmado: {s} h de supervisión y {e} h de experiencia que cuentan</numerusform>
            <numerusform>Contiene %n registros firmados: {s} h de supervisión y {e} h de experiencia que cuentan</numerusform>
        </translation>
    </message>
    <message>
        <source>, signed by {names}</source>
        <translation>, firmados por {names}</translation>
    </message>
    <message numerus="yes">
        <source>Not in it: %n record(s) signed before signing keys existed, which nothing outside this database can prove. A printed statement from here still shows them.</source>
        <translation>
            <numerusform>No incluye: %n registro firmado antes de que existieran las claves de firma, que nada fuera de esta base de datos puede probar. Un informe impreso desde aquí sí lo muestra.</numerusform>
            <numerusform>No incluye: %n registros firmados antes de que existieran las claves de firma, que nada fuera de esta base de datos puede probar. Un informe impreso desde aquí sí los muestra.</numerusform>
        </translation>
    </message>
    <message>
        <source>Another agency's supervisor_app imports it with File ▸ Import records…; {name} can open it, read-only and without an account, with File ▸ Open hours file…</source>
        <translation>El supervisor_app de otra agencia lo importa con Archivo ▸ Importar registros…; {name} puede abrirlo, en solo lectura y sin cuenta, con Archivo ▸ Abrir archivo de horas…</translation>
    </message>
    <message>
        <source>Hours file saved</source>
        <translation>Archivo de horas guardado</translation>
    </message>
    <message>
        <source>Give the supervisee their hours file</source>
        <translation>Entregar al supervisado su archivo de horas</translation>
    </message>
    <message>
        <source>Hours files (*.hours)</source>
        <translation>Archivos de horas (*.hours)</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Importar registros</translation>
    </message>
    <message>
        <source>Spreadsheets and hours files (*.xlsx *.csv *.hours);;Excel workbooks (*.xlsx);;CSV files (*.csv);;Hours files (*.hours)</source>
        <translation>Hojas de cálculo y archivos de horas (*.xlsx *.csv *.hours);;Libros de Excel (*.xlsx);;Archivos CSV (*.csv);;Archivos de horas (*.hours)</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>Guardar plantilla de importación</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Libro de Excel (*.xlsx);;Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export everything as CSV files: choose where the new export folder goes</source>
        <translation>Exportar todo como archivos CSV: elija dónde va la nueva carpeta de exportación</translation>
    </message>
    <message>
        <source>Export everything as one JSON file</source>
        <translation>Exportar todo como un archivo JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Open hours files</source>
        <translation>Abrir archivos de horas</translation>
    </message>
    <message>
        <source>Hours files (*.hours);;All files (*)</source>
        <translation>Archivos de horas (*.hours);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>{name} cannot be opened ({reason}). It was not changed.</source>
        <translation>{name} no se puede abrir ({reason}). No se cambió.</translation>
    </message>
    <message>
        <source>This database is open in supervisor_app by {holder}; close it there first, then try again.</source>
        <translation>{holder} tiene esta base de datos abierta en supervisor_app; ciérrela allí primero y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The backup could not be restored: {error}</source>
        <translation>No se pudo restaurar la copia de seguridad: {error}</translation>
    </message>
    <message>
        <source>The backup of {taken} is restored, and its records passed verification.</source>
        <translation>Se restauró la copia de seguridad del {taken} y sus registros pasaron la verificación.</translation>
    </message>
    <message>
        <source>The file that could not be opened is kept, unchanged, as {path}.</source>
        <translation>El archivo que no se pudo abrir se conserva, sin cambios, como {path}.</translation>
    </message>
    <message>
        <source>Open or create a database</source>
        <translation>Abrir o crear una base de datos</translation>
    </message>
    <message>
        <source>supervisor_app databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases de datos de supervisor_app (*.db *.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>Create a new database?</source>
        <translation>¿Crear una base de datos nueva?</translation>
    </message>
    <message>
        <source>There is no database named {name} in {folder}.

Create a new, empty database there? If the name is mistyped, choose Cancel: nothing is created.</source>
        <translation>No hay ninguna base de datos llamada {name} en {folder}.

¿Crear allí una base de datos nueva y vacía? Si el nombre está mal escrito, elija Cancelar: no se crea nada.</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>supervisor_app cannot open this database</source>
        <translation>supervisor_app no puede abrir esta base de datos</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Qué pasa</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Archivo: {path}</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de la base de datos</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>Qué puede hacer</translation>
    </message>
    <message>
        <source>&amp;Restore the newest backup</source>
        <translation>&amp;Restaurar la copia de seguridad más reciente</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Restaurar la copia de seguridad más reciente</translation>
    </message>
    <message>
        <source>&amp;Open another file…</source>
        <translation>&amp;Abrir otro archivo…</translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation>Abrir otro archivo de base de datos</translation>
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
        <source>Nothing was changed. Install the newer version of supervisor_app to open this file, or open another database.</source>
        <translation>No se cambió nada. Instale la versión más nueva de supervisor_app para abrir este archivo, o abra otra base de datos.</translation>
    </message>
    <message>
        <source>Nothing was changed. You can open another database file instead.</source>
        <translation>No se cambió nada. Puede abrir otro archivo de base de datos en su lugar.</translation>
    </message>
    <message>
        <source>There is no automatic backup of this file on this computer, so there is nothing to restore here. If you have a copy (a backup you saved, a USB stick), choose “Open another file”. The file itself was not changed.</source>
        <translation>No hay ninguna copia de seguridad automática de este archivo en esta computadora, así que aquí no hay nada que restaurar. Si tiene una copia (una copia de seguridad que guardó, una memoria USB), elija “Abrir otro archivo”. El archivo en sí no se cambió.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>el archivo</translation>
    </message>
    <message>
        <source>The newest automatic backup was taken on {taken}. Restoring puts that copy in its place; anything entered after {taken} is not in it. {name} itself is kept aside unchanged (as “…damaged-&lt;date&gt;…”), for a data-recovery service if one is needed.</source>
        <translation>La copia de seguridad automática más reciente se hizo el {taken}. Al restaurar, esa copia ocupa su lugar; lo que se ingresó después del {taken} no está en ella. {name} se guarda aparte sin cambios (como “…damaged-&lt;date&gt;…”), por si hace falta un servicio de recuperación de datos.</translation>
    </message>
    <message>
        <source>Restoring the backup and checking every record…</source>
        <translation>Restaurando la copia de seguridad y verificando cada registro…</translation>
    </message>
    <message>
        <source>The backup was not restored; nothing was changed.</source>
        <translation>No se restauró la copia de seguridad; no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>&lt;b&gt;Demo data&lt;/b&gt;: a throwaway sample agency. Nothing here touches your real records, and it is deleted when the app closes.</source>
        <translation>&lt;b&gt;Datos de demostración&lt;/b&gt;: una agencia de ejemplo desechable. Nada de esto toca sus registros reales, y se borra al cerrar la aplicación.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Datos de demostración</translation>
    </message>
</context>
<context>
    <name>DomainProgressPanel</name>
    <message>
        <source>{counted} of {required} h</source>
        <translation>{counted} de {required} h</translation>
    </message>
    <message>
        <source>Total: {text}</source>
        <translation>Total: {text}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total&lt;/b&gt;</source>
        <translation>&lt;b&gt;Total&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{signed} of {required} h</source>
        <translation>{signed} de {required} h</translation>
    </message>
    <message>
        <source>{signed} h</source>
        <translation>{signed} h</translation>
    </message>
    <message>
        <source>not covered yet</source>
        <translation>aún sin cubrir</translation>
    </message>
    <message>
        <source>0.00 h</source>
        <translation>0.00 h</translation>
    </message>
    <message>
        <source>No minimum per domain, but every domain must be covered.</source>
        <translation>No hay mínimo por dominio, pero hay que cubrir todos los dominios.</translation>
    </message>
    <message>
        <source>{domain}: {text}</source>
        <translation>{domain}: {text}</translation>
    </message>
    <message>
        <source>{h} h pending</source>
        <translation>{h} h pendientes</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>Qué vence</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>Renewal CEUs</source>
        <translation>CEU de renovación</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Experience window</source>
        <translation>Plazo de experiencia</translation>
    </message>
    <message>
        <source>To sign</source>
        <translation>Por firmar</translation>
    </message>
    <message>
        <source>Deadline from hire</source>
        <translation>Plazo desde la contratación</translation>
    </message>
    <message>
        <source>Who may supervise</source>
        <translation>Quién puede supervisar</translation>
    </message>
</context>
<context>
    <name>DuePage</name>
    <message>
        <source>Due</source>
        <translation>Vencimientos</translation>
    </message>
    <message>
        <source>&lt;h2 style='margin:0'&gt;Due&lt;/h2&gt;</source>
        <translation>&lt;h2 style='margin:0'&gt;Vencimientos&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Look ahead:</source>
        <translation>Pró&amp;ximos:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Days to look ahead</source>
        <translation>Cuántos días mirar hacia adelante</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>Qué vence</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open the place to act on the selected item</source>
        <translation>Abrir el lugar donde atender el elemento seleccionado</translation>
    </message>
    <message>
        <source>Enter or double-click opens where to act. Figures come from the credential profiles.</source>
        <translation>Enter o doble clic abre el lugar donde actuar. Las cifras vienen de los perfiles de credenciales.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) due in the next {days} days or overdue</source>
        <translation>
            <numerusform>%n elemento vence en los próximos {days} días o está vencido</numerusform>
            <numerusform>%n elementos vencen en los próximos {days} días o están vencidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n overdue, in red).</source>
        <translation>
            <numerusform> (%n vencido, en rojo).</numerusform>
            <numerusform> (%n vencidos, en rojo).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due in the next {days} days.</source>
        <translation>Nada vence en los próximos {days} días.</translation>
    </message>
</context>
<context>
    <name>EndReviewDialog</name>
    <message>
        <source>Locked: supervisor_app</source>
        <translation>Bloqueado: supervisor_app</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Locked&lt;/h3&gt;&lt;p&gt;Reviewing {name}'s own hours (read only). A supervisor's password continues the review of {name}, or ends it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bloqueado&lt;/h3&gt;&lt;p&gt;Revisión de las horas propias de {name} (solo lectura). La contraseña de un supervisor continúa la revisión de {name} o la termina.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>End the review and quit</source>
        <translation>Terminar la revisión y salir</translation>
    </message>
    <message>
        <source>&lt;h3&gt;End the review and quit&lt;/h3&gt;&lt;p&gt;The app is reviewing {name}'s own hours. A supervisor's password ends the review and closes supervisor_app.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Terminar la revisión y salir&lt;/h3&gt;&lt;p&gt;La aplicación está revisando las horas propias de {name}. La contraseña de un supervisor termina la revisión y cierra supervisor_app.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>End the review</source>
        <translation>Terminar la revisión</translation>
    </message>
    <message>
        <source>&lt;h3&gt;End the review&lt;/h3&gt;&lt;p&gt;A supervisor's password ends the review of {name}'s hours and goes back to that supervisor's own view.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Terminar la revisión&lt;/h3&gt;&lt;p&gt;La contraseña de un supervisor termina la revisión de las horas de {name} y vuelve a la vista propia de ese supervisor.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>S&amp;upervisor:</source>
        <translation>S&amp;upervisor:</translation>
    </message>
    <message>
        <source>Supervisor's password</source>
        <translation>Contraseña del supervisor</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;End review and quit</source>
        <translation>&amp;Terminar revisión y salir</translation>
    </message>
    <message>
        <source>&amp;End review</source>
        <translation>&amp;Terminar revisión</translation>
    </message>
    <message>
        <source>&amp;Continue review</source>
        <translation>Co&amp;ntinuar revisión</translation>
    </message>
    <message>
        <source>Continue the review</source>
        <translation>Continuar la revisión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel: stay in the review</source>
        <translation>Cancelar: seguir en la revisión</translation>
    </message>
</context>
<context>
    <name>ExperienceEditor</name>
    <message>
        <source>New experience entry</source>
        <translation>Nuevo registro de experiencia</translation>
    </message>
    <message>
        <source>Edit pending experience entry</source>
        <translation>Editar registro de experiencia pendiente</translation>
    </message>
    <message>
        <source>Amend signed experience entry</source>
        <translation>Enmendar registro de experiencia firmado</translation>
    </message>
    <message>
        <source>Log the supervised work (paid, volunteer or internship) for a period, usually a month, with the hours spent in each performance domain.</source>
        <translation>Registre el trabajo supervisado (pagado, voluntario o práctica) de un período, normalmente un mes, con las horas dedicadas a cada dominio de desempeño.</translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>Su&amp;pervisee:</source>
        <translation>Su&amp;pervisado:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha desde</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha hasta</translation>
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
        <source>Setting</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>e.g. Drop-in center</source>
        <translation>p. ej., centro de acogida</translation>
    </message>
    <message>
        <source>Setti&amp;ng:</source>
        <translation>E&amp;ntorno:</translation>
    </message>
    <message>
        <source>Kind of work</source>
        <translation>Tipo de trabajo</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Hours per performance domain</source>
        <translation>Ho&amp;ras por dominio de desempeño</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>This entry has not been saved. Close the editor and lose what you typed?</source>
        <translation>Este registro no se ha guardado. ¿Cerrar el editor y perder lo que escribió?</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome: set up supervisor_app</source>
        <translation>Bienvenida: configure supervisor_app</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome&lt;/h2&gt;&lt;p&gt;This database is new. Enter your agency and create your own supervisor account. Everything stays on this computer; nothing is sent anywhere.&lt;/p&gt;&lt;p style='color:#555'&gt;Database: {path}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Le damos la bienvenida&lt;/h2&gt;&lt;p&gt;Esta base de datos es nueva. Escriba los datos de su agencia y cree su propia cuenta de supervisor. Todo se queda en esta computadora; no se envía nada a ningún lado.&lt;/p&gt;&lt;p style='color:#555'&gt;Base de datos: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome&lt;/h2&gt;&lt;p&gt;The agency database is new. Enter your agency and create your own supervisor account: it is kept on the agency's server.&lt;/p&gt;&lt;p style='color:#555'&gt;Agency database: {path}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Le damos la bienvenida&lt;/h2&gt;&lt;p&gt;La base de datos de la agencia es nueva. Escriba los datos de su agencia y cree su propia cuenta de supervisor: se guarda en el servidor de la agencia.&lt;/p&gt;&lt;p style='color:#555'&gt;Base de datos de la agencia: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Nombre de la agencia</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>Agency address</source>
        <translation>Dirección de la agencia</translation>
    </message>
    <message>
        <source>Agency phone</source>
        <translation>Teléfono de la agencia</translation>
    </message>
    <message>
        <source>A&amp;gency name:</source>
        <translation>Nombre de la a&amp;gencia:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>D&amp;irección:</translation>
    </message>
    <message>
        <source>Agency &amp;phone:</source>
        <translation>Te&amp;léfono de la agencia:</translation>
    </message>
    <message>
        <source>Printed on attestation forms, as ICB asks.</source>
        <translation>Se imprime en los formularios de attestation, como pide el ICB.</translation>
    </message>
    <message>
        <source>You (the first supervisor)</source>
        <translation>Usted (el primer supervisor)</translation>
    </message>
    <message>
        <source>Your password signs records. It is stored only as a one-way hash. Next you are shown a recovery key to write down: it sets a new password if you forget this one.</source>
        <translation>Su contraseña firma los registros. Solo se guarda como un hash de un solo sentido. Después verá una clave de recuperación para anotar: sirve para establecer una contraseña nueva si olvida esta.</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>Crear e inicia&amp;r sesión</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Crear e iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Back to {name}</source>
        <translation>&amp;Volver a {name}</translation>
    </message>
    <message>
        <source>Back to {name}</source>
        <translation>Volver a {name}</translation>
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
        <source>Open an &amp;hours file…</source>
        <translation>Abrir un archivo de &amp;horas…</translation>
    </message>
    <message>
        <source>Open a supervisee's hours file, read only</source>
        <translation>Abrir el archivo de horas de un supervisado, en solo lectura</translation>
    </message>
    <message>
        <source>Go back without creating the account?</source>
        <translation>¿Volver sin crear la cuenta?</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <source>Quit without creating the account?</source>
        <translation>¿Salir sin crear la cuenta?</translation>
    </message>
    <message>
        <source>What you typed on this screen is not saved, and this database stays without a supervisor.</source>
        <translation>Lo que escribió en esta pantalla no se guarda y esta base de datos se queda sin supervisor.</translation>
    </message>
    <message>
        <source>&amp;Stay and finish</source>
        <translation>&amp;Quedarse y terminar</translation>
    </message>
    <message>
        <source>Supervisor name</source>
        <translation>Nombre del supervisor</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation>Páginas de ayuda</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Primeros pasos</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your own hours&lt;/h3&gt;&lt;p&gt;This is review mode: your signed and pending hours, your progress in each performance domain and what is still needed. Nothing can be changed here.&lt;/p&gt;&lt;p&gt;To print your progress statement, use File ▸ Print my statement{print}. When you are done, give the computer back to your supervisor: ending the review needs a supervisor's password (File ▸ End review).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sus propias horas&lt;/h3&gt;&lt;p&gt;Este es el modo de revisión: sus horas firmadas y pendientes, su progreso en cada dominio de desempeño y lo que aún falta. Aquí no se puede cambiar nada.&lt;/p&gt;&lt;p&gt;Para imprimir su informe de progreso, use Archivo ▸ Imprimir mi informe{print}. Cuando termine, devuelva la computadora a su supervisor: para terminar la revisión hace falta la contraseña de un supervisor (Archivo ▸ Terminar revisión).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Record a session</source>
        <translation>Registrar una sesión</translation>
    </message>
    <message>
        <source>File ▸ New session{new}. Type a name in Attendees and press Enter to check it. Type the date (03/15/2026 or 2026-03-15), the start and the length, then the minutes for each performance domain until the sum says &lt;i&gt;all allocated&lt;/i&gt;. Write the topics without client names. Enter saves; &lt;i&gt;Save and add another&lt;/i&gt; keeps the date and the attendees for the next one.</source>
        <translation>Archivo ▸ Nueva sesión{new}. Escriba un nombre en Asistentes y pulse Enter para marcarlo. Escriba la fecha (03/15/2026 o 2026-03-15), la hora de inicio y la duración, y luego los minutos de cada dominio de desempeño hasta que la suma diga &lt;i&gt;todo asignado&lt;/i&gt;. Escriba los temas sin nombres de clientes. Enter guarda; &lt;i&gt;Guardar y agregar otra&lt;/i&gt; conserva la fecha y los asistentes para la siguiente.</translation>
    </message>
    <message>
        <source>Sign hours</source>
        <translation>Firmar horas</translation>
    </message>
    <message>
        <source>Open &lt;i&gt;To sign&lt;/i&gt;{page}. Select the records you checked (Ctrl+A selects all), then &lt;i&gt;Sign selected&lt;/i&gt;{sign} and type your password once for the batch. Signed records are final: a later correction is an &lt;i&gt;Amend&lt;/i&gt; or a &lt;i&gt;Void&lt;/i&gt;, with a reason.</source>
        <translation>Abra &lt;i&gt;Por firmar&lt;/i&gt;{page}. Seleccione los registros que revisó (Ctrl+A selecciona todos), luego &lt;i&gt;Firmar seleccionados&lt;/i&gt;{sign} y escriba su contraseña una sola vez para todo el lote. Los registros firmados son definitivos: una corrección posterior se hace con &lt;i&gt;Enmendar&lt;/i&gt; o &lt;i&gt;Anular&lt;/i&gt;, con un motivo.</translation>
    </message>
    <message>
        <source>Print the attestation form</source>
        <translation>Imprimir el formulario de attestation</translation>
    </message>
    <message>
        <source>Open &lt;i&gt;Attestations&lt;/i&gt;{page}. Choose the supervisee, the supervisor and the dates, look at the preview, then &lt;i&gt;Print&lt;/i&gt;{print} or &lt;i&gt;Save PDF&lt;/i&gt;. Only signed hours are printed; sign the paper in ink.</source>
        <translation>Abra &lt;i&gt;Attestations&lt;/i&gt;{page}. Elija el supervisado, el supervisor y las fechas, revise la vista previa y luego &lt;i&gt;Imprimir&lt;/i&gt;{print} o &lt;i&gt;Guardar PDF&lt;/i&gt;. Solo se imprimen las horas firmadas; firme el papel con tinta.</translation>
    </message>
    <message>
        <source>Let a supervisee review their hours</source>
        <translation>Dejar que un supervisado revise sus horas</translation>
    </message>
    <message>
        <source>Open the supervisee's page and choose &lt;i&gt;Review with supervisee…&lt;/i&gt; (or File ▸ Review with supervisee…). The window then shows only that person's hours and progress, and they can print their own statement; nothing can be changed or signed, and nobody else's hours can be reached. Lock{lock} keeps the review on that person; &lt;i&gt;End review&lt;/i&gt; asks for a supervisor's password.</source>
        <translation>Abra la página del supervisado y elija &lt;i&gt;Revisar con el supervisado…&lt;/i&gt; (o Archivo ▸ Revisar con el supervisado…). La ventana muestra entonces solo las horas y el progreso de esa persona, que puede imprimir su propio informe; no se puede cambiar ni firmar nada, ni llegar a las horas de nadie más. Bloquear{lock} mantiene la revisión en esa persona; &lt;i&gt;Terminar revisión&lt;/i&gt; pide la contraseña de un supervisor.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your first evening&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Su primera tarde&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every screen works from the keyboard: Tab moves between controls, Alt and the underlined letter jumps to a field, Enter saves, Esc cancels. The other tab lists every shortcut.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Todas las pantallas funcionan con el teclado: Tab pasa de un control a otro, Alt y la letra subrayada saltan a un campo, Enter guarda, Esc cancela. La otra pestaña lista todos los atajos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every screen works from the keyboard: Tab moves between controls, arrows move in lists, Enter opens or saves, Esc cancels, Space checks a box.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Todas las pantallas funcionan con el teclado: Tab pasa de un control a otro, las flechas se mueven en las listas, Enter abre o guarda, Esc cancela, Espacio marca una casilla.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HoursChart</name>
    <message>
        <source>{title}: {signed:.2f} of {target:.2f} hours signed, cumulative by month.</source>
        <translation>{title}: {signed:.2f} de {target:.2f} horas firmadas, acumuladas por mes.</translation>
    </message>
    <message>
        <source>No hours recorded yet</source>
        <translation>Aún no hay horas registradas</translation>
    </message>
    <message>
        <source>required {h:,.0f} h</source>
        <translation>requeridas {h:,.0f} h</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>firmadas</translation>
    </message>
    <message>
        <source>with pending</source>
        <translation>con pendientes</translation>
    </message>
</context>
<context>
    <name>HoursImportDialog</name>
    <message>
        <source>Import the hours file {name}</source>
        <translation>Importar el archivo de horas {name}</translation>
    </message>
    <message>
        <source>Import an hours file</source>
        <translation>Importar un archivo de horas</translation>
    </message>
    <message>
        <source>An hours file holds one supervisee's signed records, with the signatures of the supervisors who signed them. It is checked whole first; nothing is saved until you choose Import. The records arrive signed and stay read-only here.</source>
        <translation>Un archivo de horas contiene los registros firmados de un supervisado, con las firmas de los supervisores que los firmaron. Primero se revisa completo; no se guarda nada hasta que elija Importar. Los registros llegan firmados y aquí quedan en solo lectura.</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>Qué contiene el archivo</translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Hours that count</source>
        <translation>Horas que cuentan</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>Where they were signed</source>
        <translation>Dónde se firmaron</translation>
    </message>
    <message>
        <source>Supervisors named</source>
        <translation>Supervisores nombrados</translation>
    </message>
    <message>
        <source>Is this someone already here?</source>
        <translation>¿Es alguien que ya está aquí?</translation>
    </message>
    <message>
        <source>{name} checks: every record is as its supervisor signed it.</source>
        <translation>{name} está en regla: cada registro está tal como lo firmó su supervisor.</translation>
    </message>
    <message>
        <source>{name} holds no signed records: nothing to import.</source>
        <translation>{name} no contiene registros firmados: nada que importar.</translation>
    </message>
    <message>
        <source>, ICB id {icb})</source>
        <translation>, número de ICB {icb})</translation>
    </message>
    <message numerus="yes">
        <source>%n signed record(s)</source>
        <translation>
            <numerusform>%n registro firmado</numerusform>
            <numerusform>%n registros firmados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n voided</source>
        <translation>
            <numerusform>, %n anulado</numerusform>
            <numerusform>, %n anulados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n replaced or voided record(s) not counted</source>
        <translation>
            <numerusform>; %n registro reemplazado o anulado no cuenta</numerusform>
            <numerusform>; %n registros reemplazados o anulados no cuentan</numerusform>
        </translation>
    </message>
    <message>
        <source>{s} h of supervision, {e} h of experience</source>
        <translation>{s} h de supervisión, {e} h de experiencia</translation>
    </message>
    <message>
        <source>nobody (no records)</source>
        <translation>nadie (sin registros)</translation>
    </message>
    <message>
        <source>an agency that gave no name</source>
        <translation>una agencia que no dio su nombre</translation>
    </message>
    <message>
        <source>{name} is already here (id {id}). Records already here are left as they are; new ones are added.</source>
        <translation>{name} ya está aquí (id {id}). Los registros que ya están aquí se dejan como están; los nuevos se agregan.</translation>
    </message>
    <message>
        <source>{name} is not here yet and is added as a new supervisee.</source>
        <translation>{name} aún no está aquí y se agrega como supervisado nuevo.</translation>
    </message>
    <message>
        <source>Someone here has the same name or ICB id as {name}, under another id. If it is the same person, link the file to them: their records here and the file's add up. Otherwise add {name} as a new person.</source>
        <translation>Alguien aquí tiene el mismo nombre o número de ICB que {name}, con otro id. Si es la misma persona, vincule el archivo a ella: sus registros de aquí y los del archivo se suman. Si no, agregue a {name} como persona nueva.</translation>
    </message>
    <message>
        <source>id {id}</source>
        <translation>id {id}</translation>
    </message>
    <message>
        <source>, ICB id {icb}</source>
        <translation>, número de ICB {icb}</translation>
    </message>
    <message>
        <source>The same person: link to {name} ({details})</source>
        <translation>La misma persona: vincular a {name} ({details})</translation>
    </message>
    <message>
        <source>Someone else: add {name} as a new person</source>
        <translation>Otra persona: agregar a {name} como persona nueva</translation>
    </message>
    <message>
        <source>The ICB id is already someone's here: the file can only be linked to them.</source>
        <translation>El número de ICB ya es de alguien aquí: el archivo solo se puede vincular a esa persona.</translation>
    </message>
    <message>
        <source> (not possible: the ICB id is already someone's here)</source>
        <translation> (no es posible: el número de ICB ya es de alguien aquí)</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>No se importó nada: {error}</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n record(s)</source>
        <translation>
            <numerusform>&amp;Importar %n registro</numerusform>
            <numerusform>&amp;Importar %n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n signed record(s) for {name}.</source>
        <translation>
            <numerusform>Se importó %n registro firmado de {name}.</numerusform>
            <numerusform>Se importaron %n registros firmados de {name}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) already here left as they are.</source>
        <translation>
            <numerusform>%n registro que ya estaba aquí se dejó como estaba.</numerusform>
            <numerusform>%n registros que ya estaban aquí se dejaron como estaban.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} was added as a new supervisee.</source>
        <translation>{name} se agregó como supervisado nuevo.</translation>
    </message>
    <message>
        <source>The file was linked to {name}, as you chose.</source>
        <translation>El archivo se vinculó a {name}, como eligió.</translation>
    </message>
    <message>
        <source>Added (they signed elsewhere and cannot sign in here): {names}.</source>
        <translation>Agregados (firmaron en otro lugar y no pueden iniciar sesión aquí): {names}.</translation>
    </message>
</context>
<context>
    <name>HoursWindow</name>
    <message>
        <source>Hours files, read only</source>
        <translation>Archivos de horas, solo lectura</translation>
    </message>
    <message>
        <source>{files} (hours file, read only)</source>
        <translation>{files} (archivo de horas, solo lectura)</translation>
    </message>
    <message>
        <source>Hours files shown</source>
        <translation>Archivos de horas mostrados</translation>
    </message>
    <message>
        <source>Whose hours</source>
        <translation>De quién son las horas</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>Mi progreso</translation>
    </message>
    <message>
        <source>My statement</source>
        <translation>Mi informe</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Print my statement…</source>
        <translation>&amp;Imprimir mi informe…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Hours files (read only): {files}</source>
        <translation>Archivos de horas (solo lectura): {files}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}'s hours file(s)&lt;/b&gt;, read only: {files}. Signed records from every supervisor in them, added up. No sign-in is needed and nothing here can be changed or signed.</source>
        <translation>&lt;b&gt;Archivo(s) de horas de {name}&lt;/b&gt;, solo lectura: {files}. Los registros firmados de todos los supervisores que contienen, sumados. No hace falta iniciar sesión y aquí no se puede cambiar ni firmar nada.</translation>
    </message>
    <message>
        <source>Hours file not opened</source>
        <translation>No se abrió el archivo de horas</translation>
    </message>
    <message>
        <source>Nothing was opened: {error}</source>
        <translation>No se abrió nada: {error}</translation>
    </message>
    <message>
        <source>the files hold nobody's hours.</source>
        <translation>los archivos no contienen horas de nadie.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>The file is checked first; nothing is saved until you choose Import. Every row is imported or none is. Imported records wait for your review and signature in To sign.</source>
        <translation>Primero se revisa el archivo; no se guarda nada hasta que elija Importar. Se importan todas las filas o ninguna. Los registros importados esperan su revisión y firma en Por firmar.</translation>
    </message>
    <message>
        <source>&amp;Report (line numbers are the spreadsheet's rows):</source>
        <translation>&amp;Reporte (los números de línea son las filas de la hoja de cálculo):</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Reporte de importación</translation>
    </message>
    <message>
        <source>Import records from {name}</source>
        <translation>Importar registros de {name}</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Importar registros</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n record(s)</source>
        <translation>
            <numerusform>&amp;Importar %n registro</numerusform>
            <numerusform>&amp;Importar %n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>No se importó nada: {error}</translation>
    </message>
    <message>
        <source>To fix in the file (then import it again):</source>
        <translation>Para corregir en el archivo (y luego importarlo de nuevo):</translation>
    </message>
    <message>
        <source>Already recorded, so skipped (nothing to do):</source>
        <translation>Ya registrados, así que se omitieron (no hay nada que hacer):</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se encontraron problemas.</translation>
    </message>
</context>
<context>
    <name>ImportStepsDialog</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Revisando {name}…</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Resumen de la importación</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>Revisando el archivo</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Import the records</source>
        <translation>Importar los registros</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close without importing</source>
        <translation>Cerrar sin importar</translation>
    </message>
</context>
<context>
    <name>InheritedPendingDialog</name>
    <message>
        <source>Left unsigned by {name}</source>
        <translation>Registros que {name} dejó sin firmar</translation>
    </message>
    <message>
        <source>{left} left the agency before signing these records. Review each one; sign only what you can vouch for. Your signature is your own word: it names you as the signer, the record still names {left} as the supervisor, and the printed form says both. Records you cannot vouch for stay pending.</source>
        <translation>{left} dejó la agencia antes de firmar estos registros. Revise cada uno; firme solo lo que pueda respaldar. Su firma es su propia palabra: lo nombra a usted como firmante, el registro sigue nombrando a {left} como supervisor y el formulario impreso dice ambos. Los registros que no pueda respaldar quedan pendientes.</translation>
    </message>
    <message>
        <source>Records left unsigned</source>
        <translation>Registros sin firmar</translation>
    </message>
    <message>
        <source>&amp;Sign selected as {name}…</source>
        <translation>&amp;Firmar los seleccionados como {name}…</translation>
    </message>
    <message>
        <source>Sign the selected records as yourself</source>
        <translation>Firmar los registros seleccionados a su nombre</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>Select every record</source>
        <translation>Seleccionar todos los registros</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Nothing left unsigned.</source>
        <translation>No queda nada sin firmar.</translation>
    </message>
    <message>
        <source>Sign as successor</source>
        <translation>Firmar como sucesor</translation>
    </message>
    <message numerus="yes">
        <source>Sign %n record(s), {length} in all, supervised by {left}, as {name}: your own word that they are right. Signed records are final.</source>
        <translation>
            <numerusform>Firmar %n registro, {length} en total, supervisado por {left}, como {name}: su propia palabra de que es correcto. Los registros firmados son definitivos.</numerusform>
            <numerusform>Firmar %n registros, {length} en total, supervisados por {left}, como {name}: su propia palabra de que son correctos. Los registros firmados son definitivos.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Sign {count}</source>
        <translation>&amp;Firmar {count}</translation>
    </message>
    <message numerus="yes">
        <source>Signed %n record(s) as {name}.</source>
        <translation>
            <numerusform>Se firmó %n registro como {name}.</numerusform>
            <numerusform>Se firmaron %n registros como {name}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobEditor</name>
    <message>
        <source>Change job</source>
        <translation>Cambiar empleo</translation>
    </message>
    <message>
        <source>New job</source>
        <translation>Empleo nuevo</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>As on the job description</source>
        <translation>Como en la descripción del puesto</translation>
    </message>
    <message>
        <source>Job t&amp;itle:</source>
        <translation>&amp;Puesto:</translation>
    </message>
    <message>
        <source>Employer or agency</source>
        <translation>Empleador o agencia</translation>
    </message>
    <message>
        <source>&amp;Employer or agency:</source>
        <translation>&amp;Empleador o agencia:</translation>
    </message>
    <message>
        <source>First day in the job</source>
        <translation>Primer día en el empleo</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>Last day in the job</source>
        <translation>Último día en el empleo</translation>
    </message>
    <message>
        <source>Still in this jo&amp;b</source>
        <translation>Sigue en este emp&amp;leo</translation>
    </message>
    <message>
        <source>Still in this job (no last day)</source>
        <translation>Sigue en este empleo (sin último día)</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Are at least 51% of the job's duties recovery support?</source>
        <translation>¿Al menos el 51% de las funciones del empleo son de apoyo a la recuperación?</translation>
    </message>
    <message>
        <source>Not answered yet (blank on the form)</source>
        <translation>Sin responder (en blanco en el formulario)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>51% &amp;recovery support duties:</source>
        <translation>51% apoyo a la &amp;recuperación:</translation>
    </message>
    <message>
        <source>Job description (text)</source>
        <translation>Descripción del puesto (texto)</translation>
    </message>
    <message>
        <source>Paste the job description, or attach it as a file below</source>
        <translation>Pegue la descripción del puesto o adjúntela como archivo abajo</translation>
    </message>
    <message>
        <source>Job &amp;description:</source>
        <translation>Des&amp;cripción del puesto:</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>Ningún archivo adjunto</translation>
    </message>
    <message>
        <source>Job description file</source>
        <translation>Archivo de descripción del puesto</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Adjuntar archivo…</translation>
    </message>
    <message>
        <source>Attach the job description (PDF or image, at most 5 MB)</source>
        <translation>Adjuntar la descripción del puesto (PDF o imagen, 5 MB como máximo)</translation>
    </message>
    <message>
        <source>Re&amp;move file</source>
        <translation>&amp;Quitar archivo</translation>
    </message>
    <message>
        <source>Remove the job description file</source>
        <translation>Quitar el archivo de descripción del puesto</translation>
    </message>
    <message>
        <source>Attach the job description</source>
        <translation>Adjuntar la descripción del puesto</translation>
    </message>
    <message>
        <source>Job descriptions (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Descripciones de puesto (*.pdf *.png *.jpg *.jpeg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Answered by {name} on {date}</source>
        <translation>Respondido por {name} el {date}</translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Employer or agency</source>
        <translation>Empleador o agencia</translation>
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
        <source>51% recovery support</source>
        <translation>51% apoyo a la recuperación</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Respondido por</translation>
    </message>
    <message>
        <source>Job description</source>
        <translation>Descripción del puesto</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin responder</translation>
    </message>
    <message>
        <source>{name}, {date}</source>
        <translation>{name}, {date}</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Archivo: {name}</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Ninguna registrada</translation>
    </message>
    <message>
        <source>present</source>
        <translation>actualidad</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Jobs and the 51% recovery-support answer</source>
        <translation>Empleos y la respuesta del 51% de apoyo a la recuperación</translation>
    </message>
    <message>
        <source>For a CRSS or CPRS, the board asks whether at least 51% of the applicant's job duties are recovery support, with the job description. The form prints the answer for each job held in its period; a job not answered is left blank for you to complete by hand.</source>
        <translation>Para CRSS o CPRS, el ICB pregunta si al menos el 51% de las funciones del empleo del solicitante son de apoyo a la recuperación, con la descripción del puesto. El formulario imprime la respuesta de cada empleo del período; un empleo sin respuesta queda en blanco para que usted lo complete a mano.</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Empleos</translation>
    </message>
    <message>
        <source>New &amp;job…</source>
        <translation>Nuevo emple&amp;o…</translation>
    </message>
    <message>
        <source>Record a job</source>
        <translation>Registrar un empleo</translation>
    </message>
    <message>
        <source>Change jo&amp;b…</source>
        <translation>Cam&amp;biar empleo…</translation>
    </message>
    <message>
        <source>Change the selected job or its answer</source>
        <translation>Cambiar el empleo seleccionado o su respuesta</translation>
    </message>
    <message>
        <source>View job &amp;description</source>
        <translation>Ver &amp;descripción del puesto</translation>
    </message>
    <message>
        <source>Show the selected job's description file</source>
        <translation>Mostrar el archivo de descripción del empleo seleccionado</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked: supervisor_app</source>
        <translation>Bloqueado: supervisor_app</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message numerus="yes">
        <source>The app locked itself after %n minute(s) without use.</source>
        <translation>
            <numerusform>La aplicación se bloqueó sola tras %n minuto sin uso.</numerusform>
            <numerusform>La aplicación se bloqueó sola tras %n minutos sin uso.</numerusform>
        </translation>
    </message>
    <message>
        <source>You locked the app.</source>
        <translation>Usted bloqueó la aplicación.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Locked&lt;/h3&gt;&lt;p&gt;{why} {name} is signed in; enter the password to continue where you left off. Anything you were typing is still there.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bloqueado&lt;/h3&gt;&lt;p&gt;{why} {name} tiene la sesión iniciada; escriba la contraseña para continuar donde se quedó. Lo que estaba escribiendo sigue ahí.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Password of {name}</source>
        <translation>Contraseña de {name}</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>Cerrar &amp;sesión…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Nueva sesión…</translation>
    </message>
    <message>
        <source>New &amp;experience entry…</source>
        <translation>Nuevo registro de &amp;experiencia…</translation>
    </message>
    <message>
        <source>New s&amp;upervisee…</source>
        <translation>Nuevo s&amp;upervisado…</translation>
    </message>
    <message>
        <source>New supe&amp;rvisor…</source>
        <translation>Nuevo supe&amp;rvisor…</translation>
    </message>
    <message>
        <source>&amp;Print attestation…</source>
        <translation>&amp;Imprimir attestation…</translation>
    </message>
    <message>
        <source>Training and &amp;credentials…</source>
        <translation>Capacitación y &amp;credenciales…</translation>
    </message>
    <message>
        <source>Your own training hours, CEUs and credentials</source>
        <translation>Sus propias horas de capacitación, CEU y credenciales</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Abrir base de datos…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Re&amp;view with supervisee…</source>
        <translation>Re&amp;visar con el supervisado…</translation>
    </message>
    <message>
        <source>Hand the computer to one supervisee: only their own hours, read only</source>
        <translation>Entregar la computadora a un supervisado: solo sus propias horas, en solo lectura</translation>
    </message>
    <message>
        <source>En&amp;d review…</source>
        <translation>&amp;Terminar revisión…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <source>&amp;Import records…</source>
        <translation>I&amp;mportar registros…</translation>
    </message>
    <message>
        <source>Import past sessions and experience from a spreadsheet (CSV or Excel)</source>
        <translation>Importar sesiones y experiencia anteriores desde una hoja de cálculo (CSV o Excel)</translation>
    </message>
    <message>
        <source>Save import &amp;template…</source>
        <translation>Guardar &amp;plantilla de importación…</translation>
    </message>
    <message>
        <source>A spreadsheet with the columns the import expects, and an explanation of each</source>
        <translation>Una hoja de cálculo con las columnas que espera la importación y una explicación de cada una</translation>
    </message>
    <message>
        <source>&amp;Give hours file to the supervisee…</source>
        <translation>Entre&amp;gar archivo de horas al supervisado…</translation>
    </message>
    <message>
        <source>Save the signed records of the supervisee on show to a file they keep</source>
        <translation>Guardar los registros firmados del supervisado que se muestra en un archivo para que lo conserve</translation>
    </message>
    <message>
        <source>Open &amp;hours file…</source>
        <translation>Abrir archivo de &amp;horas…</translation>
    </message>
    <message>
        <source>Show a supervisee's hours files read-only: progress and statement, no sign-in</source>
        <translation>Ver los archivos de horas de un supervisado en solo lectura: progreso e informe, sin iniciar sesión</translation>
    </message>
    <message>
        <source>As &amp;CSV files (one per table)…</source>
        <translation>Como archivos &amp;CSV (uno por tabla)…</translation>
    </message>
    <message>
        <source>As one &amp;JSON file…</source>
        <translation>Como un archivo &amp;JSON…</translation>
    </message>
    <message>
        <source>Read only: this database is open in supervisor_app by {holder}</source>
        <translation>Solo lectura: {holder} tiene esta base de datos abierta en supervisor_app</translation>
    </message>
    <message>
        <source>&amp;Print my statement…</source>
        <translation>&amp;Imprimir mi informe…</translation>
    </message>
    <message>
        <source>E&amp;xport everything</source>
        <translation>E&amp;xportar todo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Sign selected…</source>
        <translation>&amp;Firmar seleccionados…</translation>
    </message>
    <message>
        <source>Sign the records selected in To sign</source>
        <translation>Firmar los registros seleccionados en Por firmar</translation>
    </message>
    <message>
        <source>&amp;Verify records</source>
        <translation>&amp;Verificar registros</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Back to list</source>
        <translation>&amp;Volver a la lista</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Getting started…</source>
        <translation>&amp;Primeros pasos…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>Atajos de &amp;teclado…</translation>
    </message>
    <message>
        <source>&amp;About supervisor_app</source>
        <translation>&amp;Acerca de supervisor_app</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>supervisor_app main window</source>
        <translation>Ventana principal de supervisor_app</translation>
    </message>
    <message>
        <source>{who} (review, read only)</source>
        <translation>{who} (revisión, solo lectura)</translation>
    </message>
    <message>
        <source> — Demo data</source>
        <translation> — Datos de demostración</translation>
    </message>
    <message>
        <source> — read only (open elsewhere)</source>
        <translation> — solo lectura (abierta en otro lugar)</translation>
    </message>
    <message>
        <source> — agency database {place}</source>
        <translation> — base de datos de la agencia {place}</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>otro usuario</translation>
    </message>
    <message>
        <source>Review mode</source>
        <translation>Modo de revisión</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review mode&lt;/b&gt;: {name}'s own hours and progress, read only. Nothing can be changed or signed here. When you are done, hand the computer back: ending the review needs a supervisor's password.</source>
        <translation>&lt;b&gt;Modo de revisión&lt;/b&gt;: horas y progreso propios de {name}, en solo lectura. Aquí no se puede cambiar ni firmar nada. Al terminar, devuelva la computadora: para terminar la revisión hace falta la contraseña de un supervisor.</translation>
    </message>
    <message>
        <source>En&amp;d review…</source>
        <translation>&amp;Terminar revisión…</translation>
    </message>
    <message>
        <source>End the review (a supervisor's password)</source>
        <translation>Terminar la revisión (contraseña de un supervisor)</translation>
    </message>
    <message>
        <source>The agency database cannot be reached</source>
        <translation>No se puede conectar con la base de datos de la agencia</translation>
    </message>
    <message>
        <source>&lt;b&gt;The agency database cannot be reached&lt;/b&gt; ({place}): its server stopped, or the network is down. Nothing half-done was saved; the screens show what was read before.</source>
        <translation>&lt;b&gt;No se puede conectar con la base de datos de la agencia&lt;/b&gt; ({place}): su servidor se detuvo o la red no funciona. No se guardó nada a medias; las pantallas muestran lo que se leyó antes.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Try to reach the agency database again</source>
        <translation>Intentar conectar de nuevo con la base de datos de la agencia</translation>
    </message>
    <message>
        <source>The agency database cannot be reached.</source>
        <translation>No se puede conectar con la base de datos de la agencia.</translation>
    </message>
    <message>
        <source>The agency database is reachable again.</source>
        <translation>Se puede conectar de nuevo con la base de datos de la agencia.</translation>
    </message>
    <message>
        <source>The agency database still cannot be reached.</source>
        <translation>Todavía no se puede conectar con la base de datos de la agencia.</translation>
    </message>
    <message>
        <source>Due ({n})</source>
        <translation>Vencimientos ({n})</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimientos</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>Mi progreso</translation>
    </message>
    <message>
        <source>My statement</source>
        <translation>Mi informe</translation>
    </message>
    <message>
        <source>Supervisees</source>
        <translation>Supervisados</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>To sign</source>
        <translation>Por firmar</translation>
    </message>
    <message>
        <source>Attestations</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>To sign ({n})</source>
        <translation>Por firmar ({n})</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <source>Reviewing: {name} (read only)</source>
        <translation>Revisando: {name} (solo lectura)</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Sesión iniciada: {name}</translation>
    </message>
    <message>
        <source>Who is signed in</source>
        <translation>Quién tiene la sesión iniciada</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Base de datos: {path}</translation>
    </message>
    <message>
        <source>Database (read only): {path}</source>
        <translation>Base de datos (solo lectura): {path}</translation>
    </message>
    <message>
        <source>Agency database: {place}</source>
        <translation>Base de datos de la agencia: {place}</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de la base de datos</translation>
    </message>
    <message>
        <source>Supervisee added.</source>
        <translation>Supervisado agregado.</translation>
    </message>
    <message>
        <source>Supervisor added.</source>
        <translation>Supervisor agregado.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Contraseña cambiada.</translation>
    </message>
    <message>
        <source>&amp;Give hours file to the supervisee…</source>
        <translation>Entre&amp;gar archivo de horas al supervisado…</translation>
    </message>
    <message>
        <source>&amp;Give {name} their hours file…</source>
        <translation>Entre&amp;gar a {name} su archivo de horas…</translation>
    </message>
    <message>
        <source>Open or select a supervisee first: the hours file is theirs.</source>
        <translation>Primero abra o seleccione un supervisado: el archivo de horas es suyo.</translation>
    </message>
    <message>
        <source>About supervisor_app</source>
        <translation>Acerca de supervisor_app</translation>
    </message>
    <message>
        <source>&lt;h3&gt;supervisor_app {version}&lt;/h3&gt;&lt;p&gt;Supervised hours, sign-off and ICB attestation forms for Illinois CRSS/CPRS supervisors. Works offline; nothing leaves this computer.&lt;/p&gt;&lt;p&gt;Credential rules are data with their sources (Settings ▸ Credential profiles); ICB is the final word.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;supervisor_app {version}&lt;/h3&gt;&lt;p&gt;Horas supervisadas, aprobación de horas y formularios de attestation del ICB para supervisores de CRSS/CPRS en Illinois. Funciona sin conexión; nada sale de esta computadora.&lt;/p&gt;&lt;p&gt;Las reglas de las credenciales son datos con sus fuentes (Configuración ▸ Perfiles de credenciales); el ICB tiene la última palabra.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Close anyway and lose them?</source>
        <translation>Un editor tiene cambios sin guardar. ¿Cerrar de todos modos y perderlos?</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Pantallas</translation>
    </message>
    <message>
        <source>Current screen</source>
        <translation>Pantalla actual</translation>
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
        <source>&lt;p style='color:#555'&gt;&lt;i&gt;The page preview needs Qt PDF (the PySide6-Addons package), which is not installed. Save PDF or Print opens the real form in your PDF viewer.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p style='color:#555'&gt;&lt;i&gt;La vista previa de la página necesita Qt PDF (el paquete PySide6-Addons), que no está instalado. Guardar PDF o Imprimir abre el formulario real en su visor de PDF.&lt;/i&gt;&lt;/p&gt;</translation>
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
        <source>Overridden by your agency's copy: {path}</source>
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
        <source>Is the computer's clock right?</source>
        <translation>¿Está bien el reloj de la computadora?</translation>
    </message>
    <message>
        <source>The computer's clock reads earlier than the newest signature, so this one would be dated before it, and verification would point that out.

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
        <source> (arrived in an hours file; read-only here).</source>
        <translation> (llegó en un archivo de horas; aquí es de solo lectura).</translation>
    </message>
    <message>
        <source>Amends {id}: {reason}</source>
        <translation>Enmienda {id}: {reason}</translation>
    </message>
    <message>
        <source>An amendment of this record waits for signature; it replaces this one once signed.</source>
        <translation>Una enmienda de este registro espera la firma; lo reemplaza una vez firmada.</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Dominios</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Group of {n}</source>
        <translation>Grupo de {n}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Replaced by a signed amendment; no longer counted.</source>
        <translation>Reemplazado por una enmienda firmada; ya no cuenta.</translation>
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
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Voided; no longer counted.</source>
        <translation>Anulado; ya no cuenta.</translation>
    </message>
    <message>
        <source>Waiting for the supervisor's signature; not counted yet.</source>
        <translation>Espera la firma del supervisor; aún no cuenta.</translation>
    </message>
    <message>
        <source>its supervisor</source>
        <translation>su supervisor</translation>
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
        <source>Everyone's records</source>
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
        <source>&lt;p&gt;&lt;b&gt;Write this key down now&lt;/b&gt; and keep it away from this computer (in your wallet, or with the agency's papers).&lt;/p&gt;&lt;p&gt;If {name} forgets their password, this key sets a new one (on the sign-in screen: &lt;i&gt;Forgot password?&lt;/i&gt;). It is shown only this once; a new key can be made in Settings.&lt;/p&gt;</source>
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
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Idioma de la aplicación</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>Sistema ({language})</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Saved. The app changes language the next time it starts.</source>
        <translation>Guardado. La aplicación cambiará de idioma la próxima vez que se inicie.</translation>
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
        <source>Credentials or licences that also qualify a supervisor at this agency, besides those the CRSS, CPRS, CADC and QMHP profiles list. The LCPC's list is set by rule.</source>
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
        <source>Every demo supervisor's password is “{pw}”.</source>
        <translation>La contraseña de cada supervisor de demostración es “{pw}”.</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>otro usuario</translation>
    </message>
    <message>
        <source>&lt;h2&gt;{agency}&lt;/h2&gt;&lt;p style='color:#555'&gt;Database: {path}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{agency}&lt;/h2&gt;&lt;p style='color:#555'&gt;Base de datos: {path}&lt;/p&gt;</translation>
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
        <source>&lt;span style='color:#555'&gt;A supervisee looking at their own hours: sign in, open them and choose &lt;i&gt;Review with…&lt;/i&gt;. They see only their own records until a supervisor's password ends the review.&lt;/span&gt;</source>
        <translation>&lt;span style='color:#555'&gt;Si un supervisado quiere ver sus propias horas: inicie sesión, ábralo y elija &lt;i&gt;Revisar con…&lt;/i&gt;. Solo verá sus propios registros hasta que la contraseña de un supervisor termine la revisión.&lt;/span&gt;</translation>
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
        <source>Open a supervisee's hours file, read only</source>
        <translation>Abrir el archivo de horas de un supervisado, en solo lectura</translation>
    </message>
    <message>
        <source>A supervisee's signed hours, from their hours file: progress and statement, no account</source>
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
        <source>&lt;p&gt;The window will show only this supervisee's own progress, records and statement, read only: nobody else's name or hours, and group sessions only as “Group of N”.&lt;/p&gt;&lt;p&gt;The review stays on this person, also after the lock. Ending it needs a supervisor's password.&lt;/p&gt;</source>
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
    <message>
        <source>The review is shown in {language}, this supervisee's language; the app goes back to {current} when it ends.</source>
        <translation>La revisión se muestra en {language}, el idioma de esta persona supervisada; la aplicación vuelve a {current} al terminar.</translation>
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
        <source>Change this supervisee's supervisor</source>
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
        <source>Edit this supervisee's details</source>
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
        <source>Language of statements and review</source>
        <translation>Idioma del informe y la revisión</translation>
    </message>
    <message>
        <source>as the app</source>
        <translation>como la aplicación</translation>
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
        <source>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Supervision and experience are met.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Se cumplen la supervisión y la experiencia.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Every requirement is met.&lt;/b&gt; Your supervisor can print the attestation form.&lt;/p&gt;</source>
        <translation>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Se cumplen todos los requisitos.&lt;/b&gt; Su supervisor puede imprimir el formulario de attestation.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Every requirement is met.&lt;/b&gt; The attestation form can be printed.&lt;/p&gt;</source>
        <translation>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Se cumplen todos los requisitos.&lt;/b&gt; Ya se puede imprimir el formulario de attestation.&lt;/p&gt;</translation>
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
        <source>The day the agency hired them: the Due view counts an employer's deadline from it.</source>
        <translation>El día en que la agencia contrató a la persona: la vista Vencimientos cuenta desde ahí el plazo de un empleador.</translation>
    </message>
    <message>
        <source>&amp;Hire date:</source>
        <translation>Fecha de con&amp;tratación:</translation>
    </message>
    <message>
        <source>Language of statements and review</source>
        <translation>Idioma del informe y la revisión</translation>
    </message>
    <message>
        <source>Their progress statement is printed, and the review with them shown, in this language.</source>
        <translation>Su informe de progreso se imprime, y la revisión con esta persona se muestra, en este idioma.</translation>
    </message>
    <message>
        <source>As the app</source>
        <translation>Como la aplicación</translation>
    </message>
    <message>
        <source>&amp;Language of statements and review:</source>
        <translation>&amp;Idioma del informe y la revisión:</translation>
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
        <source>Signed hours that count, as a share of the credential's requirement</source>
        <translation>Horas firmadas que cuentan, como parte del requisito de la credencial</translation>
    </message>
    <message>
        <source>Eligible: every requirement met. Overdue: no signed or pending session in the last 14 days. On track: neither.</source>
        <translation>Elegible: cumple todos los requisitos. Atrasado: ninguna sesión firmada o pendiente en los últimos 14 días. Al día: ninguno de los dos.</translation>
    </message>
    <message>
        <source>Record {original} has two signed amendments:</source>
        <translation>El registro {original} tiene dos enmiendas firmadas:</translation>
    </message>
    <message>
        <source>signed here</source>
        <translation>firmada aquí</translation>
    </message>
    <message>
        <source>signed in another database</source>
        <translation>firmada en otra base de datos</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>cuenta</translation>
    </message>
    <message>
        <source>left out until one is voided</source>
        <translation>no cuenta hasta que se anule una</translation>
    </message>
    <message>
        <source>  {record}: {signer}, {when}, {where}; {counts}</source>
        <translation>  {record}: {signer}, {when}, {where}; {counts}</translation>
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
        <source>{status} · two amendments</source>
        <translation>{status} · dos enmiendas</translation>
    </message>
    <message>
        <source>Not verified yet: the file's signatures are being checked.</source>
        <translation>Aún no verificado: se están revisando las firmas del archivo.</translation>
    </message>
    <message>
        <source>Not verified in this list: on the agency database, Audit ▸ Verify records checks every signature, and a supervisee's page checks theirs.</source>
        <translation>No se verifica en esta lista: en la base de datos de la agencia, Auditoría ▸ Verificar registros revisa cada firma, y la página de cada supervisado revisa las suyas.</translation>
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
        <source>&lt;p&gt;{name} will be marked inactive: no longer listed at sign-in, no new records.&lt;/p&gt;&lt;p&gt;Their &lt;b&gt;{supervisees}&lt;/b&gt; go to the successor from the date below. What {name} signed stays theirs and still verifies. Their &lt;b&gt;{pending}&lt;/b&gt; waiting for signature can then be reviewed and signed by the successor, as the successor's own word: the printed form says who supervised and who signed.&lt;/p&gt;</source>
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
        <source>Set the selected supervisor's password</source>
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
    <name>SyncControl</name>
    <message>
        <source>S&amp;ync with the agency</source>
        <translation>Sincronizar con la agenc&amp;ia</translation>
    </message>
    <message>
        <source>Send this laptop's signed records to the agency server and receive your supervisees' others</source>
        <translation>Enviar los registros firmados de esta computadora al servidor de la agencia y recibir los demás de sus supervisados</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Sync with the agency now</source>
        <translation>Sincronizar con la agencia ahora</translation>
    </message>
    <message>
        <source>Agency server not reachable since {when}</source>
        <translation>Servidor de la agencia sin conexión desde {when}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last sync: {when} ({sent} sent, {received} received, {skipped} already there)</source>
        <translation>Última sincronización: {when} ({sent} enviados, {received} recibidos, {skipped} ya estaban)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) signed before keys stay on this laptop</source>
        <translation>
            <numerusform>%n registro firmado antes de las claves se queda en esta computadora</numerusform>
            <numerusform>%n registros firmados antes de las claves se quedan en esta computadora</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Última sincronización: {when}</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) signed since</source>
        <translation>
            <numerusform>%n registro firmado desde entonces</numerusform>
            <numerusform>%n registros firmados desde entonces</numerusform>
        </translation>
    </message>
    <message>
        <source>A sync is already running; wait for it to finish.</source>
        <translation>Ya hay una sincronización en curso; espere a que termine.</translation>
    </message>
    <message>
        <source>Syncing with the agency…</source>
        <translation>Sincronizando con la agencia…</translation>
    </message>
    <message>
        <source>Not synced: the agency server cannot be reached. Your work is safe on this laptop.</source>
        <translation>No se sincronizó: no se puede conectar con el servidor de la agencia. Su trabajo está a salvo en esta computadora.</translation>
    </message>
    <message>
        <source>Agency server not reachable</source>
        <translation>Servidor de la agencia sin conexión</translation>
    </message>
    <message>
        <source>The agency server cannot be reached right now (no network here, or the server is down). Your work is safe on this laptop: nothing was lost or changed. Sync again when you are connected.</source>
        <translation>Ahora no se puede conectar con el servidor de la agencia (no hay red aquí, o el servidor no funciona). Su trabajo está a salvo en esta computadora: no se perdió ni cambió nada. Sincronice de nuevo cuando tenga conexión.</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Sincronización detenida</translation>
    </message>
    <message>
        <source>The sync stopped at a record it could not take; what it moved before that is kept, and valid.

{reason}</source>
        <translation>La sincronización se detuvo en un registro que no pudo aceptar; lo que movió antes se conserva y es válido.

{reason}</translation>
    </message>
    <message>
        <source>Not synced: the agency database is busy.</source>
        <translation>No se sincronizó: la base de datos de la agencia está ocupada.</translation>
    </message>
    <message>
        <source>Agency database busy</source>
        <translation>Base de datos de la agencia ocupada</translation>
    </message>
    <message>
        <source>The sync could not start: {reason}</source>
        <translation>La sincronización no pudo empezar: {reason}</translation>
    </message>
    <message>
        <source>Not synced: the agency server needs a password.</source>
        <translation>No se sincronizó: el servidor de la agencia necesita una contraseña.</translation>
    </message>
</context>
<context>
    <name>ToSignPage</name>
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
    <message>
        <source> (amendment)</source>
        <translation> (enmienda)</translation>
    </message>
    <message>
        <source>Amendment reason</source>
        <translation>Motivo</translation>
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
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Supervisee(s)</source>
        <translation>Supervisado(s)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
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
        <source>Show the selected training's certificate</source>
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
        <source>Hire date (an employer's credential deadline counts from it)</source>
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
    <name>app</name>
    <message>
        <source>Preparing the sample agency (demo data)…</source>
        <translation>Preparando la agencia de ejemplo (datos de demostración)…</translation>
    </message>
    <message>
        <source>supervisor_app cannot start the demo</source>
        <translation>supervisor_app no puede iniciar la demostración</translation>
    </message>
    <message>
        <source>Hours file not opened</source>
        <translation>No se abrió el archivo de horas</translation>
    </message>
    <message>
        <source>Nothing was opened: {error}</source>
        <translation>No se abrió nada: {error}</translation>
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
    <name>common</name>
    <message>
        <source>Amended (replaced)</source>
        <translation>Enmendado (reemplazado)</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Elegible</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>Experiencia</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupal</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Internship</source>
        <translation>Práctica</translation>
    </message>
    <message>
        <source>The database file is damaged, so this could not be read or saved ({error}). Nothing was saved. Quit supervisor_app and start it again: it checks the file and offers to restore the newest backup.</source>
        <translation>El archivo de la base de datos está dañado, así que no se pudo leer ni guardar ({error}). No se guardó nada. Cierre supervisor_app y ábralo de nuevo: revisará el archivo y le ofrecerá restaurar la copia de seguridad más reciente.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and try again.</source>
        <translation>El disco está lleno, así que no se guardó nada. Libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database file could not be read or written ({error}). Nothing was saved. Check that the disk or network drive it is on is connected, then try again.</source>
        <translation>No se pudo leer ni escribir el archivo de la base de datos ({error}). No se guardó nada. Compruebe que el disco o la unidad de red donde está esté conectado y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Another program is using the database right now, so nothing was saved. Try again in a moment.</source>
        <translation>Otro programa está usando la base de datos en este momento, así que no se guardó nada. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The agency database cannot be reached: its server stopped, or the network is down. Nothing was saved. Try again once the connection is back; if it lasts, ask the agency's administrator.</source>
        <translation>No se puede conectar con la base de datos de la agencia: su servidor se detuvo o la red no funciona. No se guardó nada. Inténtelo de nuevo cuando vuelva la conexión; si continúa, consulte al administrador de la agencia.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No se hizo</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Overdue for supervision</source>
        <translation>Supervisión atrasada</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved: {error}</source>
        <translation>Algo salió mal y no se guardó nada: {error}</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Voluntario</translation>
    </message>
    <message>
        <source>The app is on the agency database: to open a database file, start the app with that file.</source>
        <translation>La aplicación está en la base de datos de la agencia: para abrir un archivo de base de datos, inicie la aplicación con ese archivo.</translation>
    </message>
</context>
<context>
    <name>date_field</name>
    <message>
        <source>There is no month {month}. {example}</source>
        <translation>No existe el mes {month}. {example}</translation>
    </message>
    <message>
        <source>Type a 24-hour time such as 9:30 or 14:05.</source>
        <translation>Escriba una hora de 24 horas, como 9:30 o 14:05.</translation>
    </message>
    <message>
        <source>Type a date such as 03/15/2026 or 2026-03-15, or press Alt+Down.</source>
        <translation>Escriba una fecha como 03/15/2026 o 2026-03-15, o pulse Alt+↓.</translation>
    </message>
    <message>
        <source>Type the date as month/day/year, e.g. 03/15/2026, or as 2026-03-15.</source>
        <translation>Escriba la fecha como mes/día/año, p. ej., 03/15/2026, o como 2026-03-15.</translation>
    </message>
    <message>
        <source>Type the minutes with two digits, e.g. 9:05.</source>
        <translation>Escriba los minutos con dos dígitos, p. ej., 9:05.</translation>
    </message>
    <message>
        <source>Type the time as hours:minutes, e.g. 9:30 or 14:05.</source>
        <translation>Escriba la hora como horas:minutos, p. ej., 9:30 o 14:05.</translation>
    </message>
    <message>
        <source>Type the year with four digits, e.g. 2026.</source>
        <translation>Escriba el año con cuatro dígitos, p. ej., 2026.</translation>
    </message>
    <message>
        <source>{date} is in the future; record hours once they have happened.</source>
        <translation>{date} es una fecha futura; registre las horas después de que ocurran.</translation>
    </message>
    <message>
        <source>{date} is too early.</source>
        <translation>{date} es una fecha demasiado antigua.</translation>
    </message>
    <message>
        <source>{month:02d}/{day:02d}/{year} is not a date. {example}</source>
        <translation>{month:02d}/{day:02d}/{year} no es una fecha. {example}</translation>
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
    <name>sync</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>Agency server password</source>
        <translation>Contraseña del servidor de la agencia</translation>
    </message>
    <message>
        <source>Leave the password out of the address: the app asks for it once each time it runs (or IT puts it in your PostgreSQL password file), and never saves it.</source>
        <translation>No ponga la contraseña en la dirección: la app la pide una vez cada vez que se abre (o IT la pone en su archivo de contraseñas de PostgreSQL), y nunca la guarda.</translation>
    </message>
    <message>
        <source>The address names no database: it ends with /the-database's-name.</source>
        <translation>La dirección no indica ninguna base de datos: termina con /nombre-de-la-base-de-datos.</translation>
    </message>
    <message>
        <source>The agency server {server} asks for the password of {role}. The app keeps it only while it runs and never saves it. (IT can instead put it in your PostgreSQL password file, ~/.pgpass.)</source>
        <translation>El servidor de la agencia {server} pide la contraseña de {role}. La app la conserva solo mientras está abierta y nunca la guarda. (IT puede ponerla en su archivo de contraseñas de PostgreSQL, ~/.pgpass).</translation>
    </message>
    <message>
        <source>The server refused that password.</source>
        <translation>El servidor rechazó esa contraseña.</translation>
    </message>
</context>
</TS>
