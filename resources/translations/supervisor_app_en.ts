<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>AttestationsPage</name>
    <message numerus="yes">
      <source>%n session(s) ({i} individual, {g} group)</source>
      <translation>
        <numerusform>%n session ({i} individual, {g} group)</numerusform>
        <numerusform>%n sessions ({i} individual, {g} group)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Supervised experience in the range: {h} h (%n entry(ies))</source>
      <translation>
        <numerusform>Supervised experience in the range: {h} h (%n entry)</numerusform>
        <numerusform>Supervised experience in the range: {h} h (%n entries)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message numerus="yes">
      <source>%n problem(s) found in {records} records and {signatures} signatures:</source>
      <translation>
        <numerusform>%n problem found in {records} records and {signatures} signatures:</numerusform>
        <numerusform>%n problems found in {records} records and {signatures} signatures:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DataTransfer</name>
    <message numerus="yes">
      <source>%n file(s)</source>
      <translation>
        <numerusform>%n file</numerusform>
        <numerusform>%n files</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n row(s) ({files}) to:
{path}

Sign-in passwords are never exported. Text that a spreadsheet would run as a formula starts with an extra '.</source>
      <translation>
        <numerusform>Exported %n row ({files}) to:
{path}

Sign-in passwords are never exported. Text that a spreadsheet would run as a formula starts with an extra '.</numerusform>
        <numerusform>Exported %n rows ({files}) to:
{path}

Sign-in passwords are never exported. Text that a spreadsheet would run as a formula starts with an extra '.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>It holds %n signed record(s): {s} h of supervision and {e} h of experience that count</source>
      <translation>
        <numerusform>It holds %n signed record: {s} h of supervision and {e} h of experience that count</numerusform>
        <numerusform>It holds %n signed records: {s} h of supervision and {e} h of experience that count</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Not in it: %n record(s) signed before signing keys existed, which nothing outside this database can prove. A printed statement from here still shows them.</source>
      <translation>
        <numerusform>Not in it: %n record signed before signing keys existed, which nothing outside this database can prove. A printed statement from here still shows them.</numerusform>
        <numerusform>Not in it: %n records signed before signing keys existed, which nothing outside this database can prove. A printed statement from here still shows them.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DuePage</name>
    <message numerus="yes">
      <source> (%n overdue, in red).</source>
      <translation>
        <numerusform> (%n overdue, in red).</numerusform>
        <numerusform> (%n overdue, in red).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n item(s) due in the next {days} days or overdue</source>
      <translation>
        <numerusform>%n item due in the next {days} days or overdue</numerusform>
        <numerusform>%n items due in the next {days} days or overdue</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HoursImportDialog</name>
    <message numerus="yes">
      <source>%n record(s) already here left as they are.</source>
      <translation>
        <numerusform>%n record already here left as they are.</numerusform>
        <numerusform>%n records already here left as they are.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n signed record(s)</source>
      <translation>
        <numerusform>%n signed record</numerusform>
        <numerusform>%n signed records</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>&amp;Import %n record(s)</source>
      <translation>
        <numerusform>&amp;Import %n record</numerusform>
        <numerusform>&amp;Import %n records</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>, %n voided</source>
      <translation>
        <numerusform>, %n voided</numerusform>
        <numerusform>, %n voided</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; %n replaced or voided record(s) not counted</source>
      <translation>
        <numerusform>; %n replaced or voided record not counted</numerusform>
        <numerusform>; %n replaced or voided records not counted</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Imported %n signed record(s) for {name}.</source>
      <translation>
        <numerusform>Imported %n signed record for {name}.</numerusform>
        <numerusform>Imported %n signed records for {name}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message numerus="yes">
      <source>&amp;Import %n record(s)</source>
      <translation>
        <numerusform>&amp;Import %n record</numerusform>
        <numerusform>&amp;Import %n records</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InheritedPendingDialog</name>
    <message numerus="yes">
      <source>Sign %n record(s), {length} in all, supervised by {left}, as {name}: your own word that they are right. Signed records are final.</source>
      <translation>
        <numerusform>Sign %n record, {length} in all, supervised by {left}, as {name}: your own word that they are right. Signed records are final.</numerusform>
        <numerusform>Sign %n records, {length} in all, supervised by {left}, as {name}: your own word that they are right. Signed records are final.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Signed %n record(s) as {name}.</source>
      <translation>
        <numerusform>Signed %n record as {name}.</numerusform>
        <numerusform>Signed %n records as {name}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>LockDialog</name>
    <message numerus="yes">
      <source>The app locked itself after %n minute(s) without use.</source>
      <translation>
        <numerusform>The app locked itself after %n minute without use.</numerusform>
        <numerusform>The app locked itself after %n minutes without use.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ProfileView</name>
    <message numerus="yes">
      <source>%n month(s)</source>
      <translation>
        <numerusform>%n month</numerusform>
        <numerusform>%n months</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n supervisee(s)</source>
      <translation>
        <numerusform>%n supervisee</numerusform>
        <numerusform>%n supervisees</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n year(s)</source>
      <translation>
        <numerusform>%n year</numerusform>
        <numerusform>%n years</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RecordActions</name>
    <message numerus="yes">
      <source>Sign %n record(s), {length} in all, as {name}. Signed records are final: a later correction is an amendment or a void, with a reason.</source>
      <translation>
        <numerusform>Sign %n record, {length} in all, as {name}. Signed records are final: a later correction is an amendment or a void, with a reason.</numerusform>
        <numerusform>Sign %n records, {length} in all, as {name}. Signed records are final: a later correction is an amendment or a void, with a reason.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Signed %n record(s).</source>
      <translation>
        <numerusform>Signed %n record.</numerusform>
        <numerusform>Signed %n records.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RecordTable</name>
    <message numerus="yes">
      <source>{count} experience entry(ies)</source>
      <translation>
        <numerusform>{count} experience entry</numerusform>
        <numerusform>{count} experience entries</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{count} session(s)</source>
      <translation>
        <numerusform>{count} session</numerusform>
        <numerusform>{count} sessions</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message numerus="yes">
      <source>%n record(s)</source>
      <translation>
        <numerusform>%n record</numerusform>
        <numerusform>%n records</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n supervisee(s)</source>
      <translation>
        <numerusform>%n supervisee</numerusform>
        <numerusform>%n supervisees</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SuperviseeDetailPage</name>
    <message numerus="yes">
      <source>%n month(s)</source>
      <translation>
        <numerusform>%n month</numerusform>
        <numerusform>%n months</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n session(s), {first} to {last} ({months})</source>
      <translation>
        <numerusform>%n session, {first} to {last} ({months})</numerusform>
        <numerusform>%n sessions, {first} to {last} ({months})</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SuperviseeListPage</name>
    <message numerus="yes">
      <source>%n supervisee(s)</source>
      <translation>
        <numerusform>%n supervisee</numerusform>
        <numerusform>%n supervisees</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n supervisee(s) with records that fail verification</source>
      <translation>
        <numerusform>%n supervisee with records that fail verification</numerusform>
        <numerusform>%n supervisees with records that fail verification</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n supervisee(s) · adding up their hours…</source>
      <translation>
        <numerusform>%n supervisee · adding up their hours…</numerusform>
        <numerusform>%n supervisees · adding up their hours…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n supervisee(s) match</source>
      <translation>
        <numerusform>{shown} of %n supervisee match</numerusform>
        <numerusform>{shown} of %n supervisees match</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SupervisorLeaveDialog</name>
    <message numerus="yes">
      <source>%n record(s)</source>
      <translation>
        <numerusform>%n record</numerusform>
        <numerusform>%n records</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n supervisee(s)</source>
      <translation>
        <numerusform>%n supervisee</numerusform>
        <numerusform>%n supervisees</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncControl</name>
    <message numerus="yes">
      <source>%n record(s) signed before keys stay on this laptop</source>
      <translation>
        <numerusform>%n record signed before keys stay on this laptop</numerusform>
        <numerusform>%n records signed before keys stay on this laptop</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n record(s) signed since</source>
      <translation>
        <numerusform>%n record signed since</numerusform>
        <numerusform>%n records signed since</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ToSignPage</name>
    <message numerus="yes">
      <source>Your {kind} {number} expires on {date} (in %n day(s)). Records dated after that cannot be signed until you record the renewal (File &gt; Training and credentials…).</source>
      <translation>
        <numerusform>Your {kind} {number} expires on {date} (in %n day). Records dated after that cannot be signed until you record the renewal (File &gt; Training and credentials…).</numerusform>
        <numerusform>Your {kind} {number} expires on {date} (in %n days). Records dated after that cannot be signed until you record the renewal (File &gt; Training and credentials…).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TrainingImportDialog</name>
    <message numerus="yes">
      <source>&amp;Import %n training entry(s)</source>
      <translation>
        <numerusform>&amp;Import %n training entry</numerusform>
        <numerusform>&amp;Import %n training entrys</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>pdf_output</name>
    <message numerus="yes">
      <source>Sent %n page(s) to the printer.</source>
      <translation>
        <numerusform>Sent %n page to the printer.</numerusform>
        <numerusform>Sent %n pages to the printer.</numerusform>
      </translation>
    </message>
  </context>
</TS>
