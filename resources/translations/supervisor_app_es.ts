<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AllocationGrid</name>
    <message>
        <source>Choose who attended to see their performance domains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per performance domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{domain}, {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {hours} hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated: {total} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated {total} of {length} min: all allocated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated {total} of {length} min: {left} min left to allocate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated {total} of {length} min: {over} min too many.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Sign out and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the whole database file (once a day)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole database file was checked: every page reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup and checking every record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup of {taken} is restored, and its records passed verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database as it was just before is kept as {path} (and in the automatic backups).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not restored; the database is unchanged. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup not restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentRow</name>
    <message>
        <source>Attached: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To attach: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendeePicker</name>
    <message>
        <source>Type a name, then Enter to check it (↓ to the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter supervisees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check everyone who attended; Space checks the current name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttestationTableModel</name>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttestationsPage</name>
    <message>
        <source>Attestations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;My progress statement&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Attestations&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision verification (the board's form and session log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress statement (for the supervisee)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;pervisee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor who attests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervis&amp;or:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date (any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date (any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out records still &amp;waiting for signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the signed records only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the agency &amp;notes pages (sources, what to verify)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the agency notes pages, which are not for the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the agency's file: where each rule comes from and what to verify with the board. Leave it off for the copy you send to the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: this database is open in another copy of supervisor_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form is built from signed records only. Each print is recorded with a serial number and a record fingerprint printed on every page, so the paper can be matched to the records later. Printing the same records again reuses the serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your statement shows signed and pending hours and what is still needed. It is not an ICB form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed attestations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing printed yet. Each print or saved PDF is listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attestation printed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprint selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint the selected attestation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records in this range changed since {serial} was printed (its fingerprint no longer matches), so printing now makes a new form with a new serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed before as {serial}: printing again gives the same document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed yet: a serial number is assigned when you print or save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed: the print dialog was cancelled. Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint of {serial}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as {serial}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to show: see the message on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) ({i} individual, {g} group)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Supervised experience in the range: {h} h (%n entry(ies))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>As of {day} · supervisor {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted toward the requirement: supervision {s} h of {ss} h signed, experience {e} h of {es} h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every requirement is met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress statement {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress statement: {name} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial: {serial}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision verification {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To verify with the board (not printed on the form):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned when printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {signed} of {required} h signed ({pending} h pending)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Audit trail&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record id (first characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by who did it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-computes every signed record's fingerprint and checks each supervisor's key signature, this audit trail and the backups, to prove nothing was changed, added or removed after signing (for example by editing the database file directly).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All good: {records} records and {signatures} signatures checked, no problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found in {records} records and {signatures} signatures:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Record {id}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning, record {id}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning, {subject}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted (pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICB ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisee #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the experience entry {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsSection</name>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning about the database's folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is in {folder}, which a sync service (OneDrive, Dropbox, …) copies to the cloud: it holds the file while uploading, and two computers make conflicting copies. Keep the database in the app's own folder and rely on its backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the whole database to a file you choose (a USB stick, a shared folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken once a day when the app starts, and before every upgrade or restore. The newest of each of the last 14 days and of the last 12 months are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No automatic backup yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No automatic backup yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the records with the selected backup (the current database is kept aside)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open backups &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data is thrown away when the app closes, so it is not backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring is possible only in the copy of the app that has the database open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup must go to another file than the database itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the database to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor_app databases (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Replace every record in this database with the backup taken on {taken}&lt;/b&gt; ({why}).&lt;/p&gt;&lt;p&gt;Everything entered, signed or printed after {taken} will no longer be in the database. Open editors are closed.&lt;/p&gt;&lt;p&gt;The database as it is now is kept aside as a copy beside it, and in the automatic backups, so this can be undone.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateViewer</name>
    <message>
        <source>Job description: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job description {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the job description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image cannot be shown; save a copy to open it elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF page view needs Qt PDF (PySide6-Addons). Save a copy to open it in your PDF viewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Set the password of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a supervisor who has no password yet, or has forgotten theirs. They type the new password; you confirm with yours. The audit trail records that you set it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your password ({name}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Their new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot password: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the recovery key written down when the account was made (or last replaced). Without it, another supervisor of the agency can set a new password for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeSupervisorDialog</name>
    <message>
        <source>{who}: {since} to {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: until {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervised by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No supervisor of record yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisors so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the supervisor of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New supervisor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From (their first day):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. caseload change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record is changed: the records before this date stay with the supervisor who supervised them, and so do their signatures. The change is kept in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change supervisor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialDialog</name>
    <message>
        <source>Add a credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential or licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issued:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile's board if left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Board:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialModel</name>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataTransfer</name>
    <message>
        <source>Import template saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}.

Fill in one row per session or experience entry (the Columns sheet explains each column), then use File ▸ Import records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) ({files}) to:
{path}

Sign-in passwords are never exported. Text that a spreadsheet would run as a formula starts with an extra '.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours file not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours file saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}'s hours file to:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It holds %n signed record(s): {s} h of supervision and {e} h of experience that count</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, signed by {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not in it: %n record(s) signed before signing keys existed, which nothing outside this database can prove. A printed statement from here still shows them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Another agency's supervisor_app imports it with File ▸ Import records…; {name} can open it, read-only and without an account, with File ▸ Open hours file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours file saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the supervisee their hours file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours files (*.hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets and hours files (*.xlsx *.csv *.hours);;Excel workbooks (*.xlsx);;CSV files (*.csv);;Hours files (*.hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything as CSV files: choose where the new export folder goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything as one JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open hours files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours files (*.hours);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>{name} cannot be opened ({reason}). It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is open in supervisor_app by {holder}; close it there first, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be restored: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup of {taken} is restored, and its records passed verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file that could not be opened is kept, unchanged, as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor_app databases (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new database?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database named {name} in {folder}.

Create a new, empty database there? If the name is mistyped, choose Cancel: nothing is created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>supervisor_app cannot open this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore the newest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. Install the newer version of supervisor_app to open this file, or open another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. You can open another database file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no automatic backup of this file on this computer, so there is nothing to restore here. If you have a copy (a backup you saved, a USB stick), choose “Open another file”. The file itself was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest automatic backup was taken on {taken}. Restoring puts that copy in its place; anything entered after {taken} is not in it. {name} itself is kept aside unchanged (as “…damaged-&lt;date&gt;…”), for a data-recovery service if one is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup and checking every record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not restored; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>&lt;b&gt;Demo data&lt;/b&gt;: a throwaway sample agency. Nothing here touches your real records, and it is deleted when the app closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainProgressPanel</name>
    <message>
        <source>{counted} of {required} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Total&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{signed} of {required} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{signed} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not covered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.00 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No minimum per domain, but every domain must be covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{domain}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal CEUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline from hire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may supervise</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuePage</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2 style='margin:0'&gt;Due&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look ahead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to look ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the place to act on the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click opens where to act. Figures come from the credential profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) due in the next {days} days or overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n overdue, in red).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due in the next {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndReviewDialog</name>
    <message>
        <source>Locked: supervisor_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Locked&lt;/h3&gt;&lt;p&gt;Reviewing {name}'s own hours (read only). A supervisor's password continues the review of {name}, or ends it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the review and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;End the review and quit&lt;/h3&gt;&lt;p&gt;The app is reviewing {name}'s own hours. A supervisor's password ends the review and closes supervisor_app.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;End the review&lt;/h3&gt;&lt;p&gt;A supervisor's password ends the review of {name}'s hours and goes back to that supervisor's own view.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;upervisor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor's password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End review and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: stay in the review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExperienceEditor</name>
    <message>
        <source>New experience entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit pending experience entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend signed experience entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log the supervised work (paid, volunteer or internship) for a period, usually a month, with the hours spent in each performance domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;pervisee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Drop-in center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setti&amp;ng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hours per performance domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry has not been saved. Close the editor and lose what you typed?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome: set up supervisor_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome&lt;/h2&gt;&lt;p&gt;This database is new. Enter your agency and create your own supervisor account. Everything stays on this computer; nothing is sent anywhere.&lt;/p&gt;&lt;p style='color:#555'&gt;Database: {path}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gency name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency &amp;phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on attestation forms, as ICB asks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (the first supervisor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password signs records. It is stored only as a one-way hash. Next you are shown a recovery key to write down: it sets a new password if you forget this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an &amp;hours file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a supervisee's hours file, read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back without creating the account?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit without creating the account?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed on this screen is not saved, and this database stays without a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stay and finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your own hours&lt;/h3&gt;&lt;p&gt;This is review mode: your signed and pending hours, your progress in each performance domain and what is still needed. Nothing can be changed here.&lt;/p&gt;&lt;p&gt;To print your progress statement, use File ▸ Print my statement{print}. When you are done, give the computer back to your supervisor: ending the review needs a supervisor's password (File ▸ End review).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File ▸ New session{new}. Type a name in Attendees and press Enter to check it. Type the date (03/15/2026 or 2026-03-15), the start and the length, then the minutes for each performance domain until the sum says &lt;i&gt;all allocated&lt;/i&gt;. Write the topics without client names. Enter saves; &lt;i&gt;Save and add another&lt;/i&gt; keeps the date and the attendees for the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &lt;i&gt;To sign&lt;/i&gt;{page}. Select the records you checked (Ctrl+A selects all), then &lt;i&gt;Sign selected&lt;/i&gt;{sign} and type your password once for the batch. Signed records are final: a later correction is an &lt;i&gt;Amend&lt;/i&gt; or a &lt;i&gt;Void&lt;/i&gt;, with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the attestation form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &lt;i&gt;Attestations&lt;/i&gt;{page}. Choose the supervisee, the supervisor and the dates, look at the preview, then &lt;i&gt;Print&lt;/i&gt;{print} or &lt;i&gt;Save PDF&lt;/i&gt;. Only signed hours are printed; sign the paper in ink.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let a supervisee review their hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the supervisee's page and choose &lt;i&gt;Review with supervisee…&lt;/i&gt; (or File ▸ Review with supervisee…). The window then shows only that person's hours and progress, and they can print their own statement; nothing can be changed or signed, and nobody else's hours can be reached. Lock{lock} keeps the review on that person; &lt;i&gt;End review&lt;/i&gt; asks for a supervisor's password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your first evening&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Every screen works from the keyboard: Tab moves between controls, Alt and the underlined letter jumps to a field, Enter saves, Esc cancels. The other tab lists every shortcut.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Every screen works from the keyboard: Tab moves between controls, arrows move in lists, Enter opens or saves, Esc cancels, Space checks a box.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursChart</name>
    <message>
        <source>{title}: {signed:.2f} of {target:.2f} hours signed, cumulative by month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hours recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required {h:,.0f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursImportDialog</name>
    <message>
        <source>Import the hours file {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an hours file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An hours file holds one supervisee's signed records, with the signatures of the supervisors who signed them. It is checked whole first; nothing is saved until you choose Import. The records arrive signed and stay read-only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours that count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where they were signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisors named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this someone already here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} checks: every record is as its supervisor signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} holds no signed records: nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, ICB id {icb})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n signed record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n voided</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n replaced or voided record(s) not counted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{s} h of supervision, {e} h of experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody (no records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an agency that gave no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is already here (id {id}). Records already here are left as they are; new ones are added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not here yet and is added as a new supervisee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone here has the same name or ICB id as {name}, under another id. If it is the same person, link the file to them: their records here and the file's add up. Otherwise add {name} as a new person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, ICB id {icb}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same person: link to {name} ({details})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else: add {name} as a new person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ICB id is already someone's here: the file can only be linked to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not possible: the ICB id is already someone's here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n signed record(s) for {name}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) already here left as they are.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{name} was added as a new supervisee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was linked to {name}, as you chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added (they signed elsewhere and cannot sign in here): {names}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursWindow</name>
    <message>
        <source>Hours files, read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{files} (hours file, read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours files shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print my statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours files (read only): {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}'s hours file(s)&lt;/b&gt;, read only: {files}. Signed records from every supervisor in them, added up. No sign-in is needed and nothing here can be changed or signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours file not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was opened: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the files hold nobody's hours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>The file is checked first; nothing is saved until you choose Import. Every row is imported or none is. Imported records wait for your review and signature in To sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report (line numbers are the spreadsheet's rows):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import records from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix in the file (then import it again):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already recorded, so skipped (nothing to do):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportStepsDialog</name>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InheritedPendingDialog</name>
    <message>
        <source>Left unsigned by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{left} left the agency before signing these records. Review each one; sign only what you can vouch for. Your signature is your own word: it names you as the signer, the record still names {left} as the supervisor, and the printed form says both. Records you cannot vouch for stay pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records left unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign selected as {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the selected records as yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing left unsigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign as successor</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sign %n record(s), {length} in all, supervised by {left}, as {name}: your own word that they are right. Signed records are final.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Sign {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed %n record(s) as {name}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobEditor</name>
    <message>
        <source>Change job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on the job description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job t&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer or agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Employer or agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day in the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day in the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still in this jo&amp;b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still in this job (no last day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are at least 51% of the job's duties recovery support?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet (blank on the form)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>51% &amp;recovery support duties:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job description (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the job description, or attach it as a file below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job description file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the job description (PDF or image, at most 5 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the job description file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the job description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job descriptions (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by {name} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer or agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>51% recovery support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Jobs and the 51% recovery-support answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a CRSS or CPRS, the board asks whether at least 51% of the applicant's job duties are recovery support, with the job description. The form prints the answer for each job held in its period; a job not answered is left blank for you to complete by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change jo&amp;b…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected job or its answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View job &amp;description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected job's description file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked: supervisor_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The app locked itself after %n minute(s) without use.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You locked the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Locked&lt;/h3&gt;&lt;p&gt;{why} {name} is signed in; enter the password to continue where you left off. Anything you were typing is still there.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;experience entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New s&amp;upervisee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New supe&amp;rvisor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print attestation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training and &amp;credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own training hours, CEUs and credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view with supervisee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the computer to one supervisee: only their own hours, read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;d review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import past sessions and experience from a spreadsheet (CSV or Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save import &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A spreadsheet with the columns the import expects, and an explanation of each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give hours file to the supervisee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the signed records of the supervisee on show to a file they keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;hours file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a supervisee's hours files read-only: progress and statement, no sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;CSV files (one per table)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As one &amp;JSON file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: this database is open in supervisor_app by {holder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print my statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the records selected in To sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Getting started…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About supervisor_app</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>supervisor_app main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} (review, read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — read only (open elsewhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Review mode&lt;/b&gt;: {name}'s own hours and progress, read only. Nothing can be changed or signed here. When you are done, hand the computer back: ending the review needs a supervisor's password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;d review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the review (a supervisor's password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attestations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewing: {name} (read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database (read only): {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give hours file to the supervisee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give {name} their hours file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or select a supervisee first: the hours file is theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About supervisor_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;supervisor_app {version}&lt;/h3&gt;&lt;p&gt;Supervised hours, sign-off and ICB attestation forms for Illinois CRSS/CPRS supervisors. Works offline; nothing leaves this computer.&lt;/p&gt;&lt;p&gt;Credential rules are data with their sources (Settings ▸ Credential profiles); ICB is the final word.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Close anyway and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageRegistry</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>What will happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why, in a sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password ({name}):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repea&amp;t password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {n} characters; a short sentence is easy to remember and hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: add words, digits or symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: longer is stronger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: {rating}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Print preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to print, then Preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the form carries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style='color:#555'&gt;&lt;i&gt;The page preview needs Qt PDF (the PySide6-Addons package), which is not installed. Save PDF or Print opens the real form in your PDF viewer.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonTrainingDialog</name>
    <message>
        <source>Training and credentials: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Credential profile rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your agency may add kinds (Settings, Agency: Also qualify a supervisor).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by rule: your agency cannot add kinds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} hours: {detail} ({source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden by your agency's copy: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped with the app: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area}: {h} h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>&lt;b&gt;Read-only: this database is open in supervisor_app by {holder}.&lt;/b&gt; You can look at everything here, but nothing can be changed, signed or printed. To make changes, close supervisor_app there (or wait until it is closed), then open the database again here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Session saved; it waits for signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience entry saved; it waits for signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amendment is already waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record already has an amendment waiting for signature: {what}, saved with the reason “{reason}”. Sign, edit or delete that amendment (on To sign, or in this list as Pending) before amending the record again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendment saved; it replaces the original once signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete pending record?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {what}? It was never signed, so it can be deleted; the audit trail keeps a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending record deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void signed record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void {what}. A voided record stays in the audit trail, crossed out, and no longer counts toward any total. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Void record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for the void:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sign %n record(s), {length} in all, as {name}. Signed records are final: a later correction is an amendment or a void, with a reason.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Sign {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed %n record(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Is the computer's clock right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer's clock reads earlier than the newest signature, so this one would be dated before it, and verification would point that out.

{details}

Sign with the clock as it is? Choose No to correct the date and time first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session of {date}, {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the experience entry {start} to {end}, {length}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Supervisor of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervis&amp;or:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the pending record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the pending record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;mend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend the signed record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a signed record: the original stays on record, with your reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void the signed record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw a signed record, with a reason and your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No experience entries yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{count} session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} experience entry(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>An amendment of this record already waits for signature: sign, edit or delete it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the supervisor of record can void this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{signed}: read-only here. Only its own supervisor can amend or void it, where it was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session of {date} ({length}, {who})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the experience entry {start} to {end} ({length}, {who})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (arrived in an hours file; read-only here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amends {id}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amendment of this record waits for signature; it replaces this one once signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group of {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by a signed amendment; no longer counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by {name} at {agency}, in another database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by {name}, in another database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed · amendment waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided; no longer counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the supervisor's signature; not counted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its supervisor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Records&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find records by supervisee, topic, site, setting or record id (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone's records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records I supervise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kinds of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision &amp;sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xperience entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>experience entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {noun} match “{text}” with these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {noun} match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Write this key down now&lt;/b&gt; and keep it away from this computer (in your wallet, or with the agency's papers).&lt;/p&gt;&lt;p&gt;If {name} forgets their password, this key sets a new one (on the sign-in screen: &lt;i&gt;Forgot password?&lt;/i&gt;). It is shown only this once; a new key can be made in Settings.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;written it down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>New supervision session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit pending session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend signed session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed original stays on record. This amendment waits for signature and replaces the original in every total once it is signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Main office, outreach van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. length corrected from the sign-in sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Att&amp;endees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per performance domai&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To&amp;pics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the supervision covered (Ctrl+Enter saves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and &amp;add another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and add another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved ({count} this time). The date and attendees are kept for the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has not been saved. Close the editor and lose what you typed?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;supervisor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New s&amp;upervisee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential profiles (the rules the app checks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential profile</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. (217) 555-0100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. LSW, CCS (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials or licences that also qualify a supervisor at this agency, besides those the CRSS, CPRS, CADC and QMHP profiles list. The LCPC's list is set by rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also &amp;qualify a supervisor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials that also qualify a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve agency details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save agency details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo chan&amp;ges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes to the agency details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency details status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agency is recorded in this database yet (the first-run screen records one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Forms printed from now on carry these details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in: supervisor_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every demo supervisor's password is “{pw}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;{agency}&lt;/h2&gt;&lt;p style='color:#555'&gt;Database: {path}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forgot password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot password: use the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style='color:#555'&gt;A supervisee looking at their own hours: sign in, open them and choose &lt;i&gt;Review with…&lt;/i&gt;. They see only their own records until a supervisor's password ends the review.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an &amp;hours file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a supervisee's hours file, read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisee's signed hours, from their hours file: progress and statement, no account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed: type the new one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartReviewDialog</name>
    <message>
        <source>Review with a supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The window will show only this supervisee's own progress, records and statement, read only: nobody else's name or hours, and group sessions only as “Group of N”.&lt;/p&gt;&lt;p&gt;The review stays on this person, also after the lock. Ending it needs a supervisor's password.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;This copy of the database is read only: the review is not recorded in the audit trail.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee to review with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervisee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuperviseeDetailPage</name>
    <message>
        <source>Supervisee detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ &amp;Back to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the supervisee list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session with this supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New e&amp;xperience entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New experience entry for this supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attestation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print my statement of hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare the attestation form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change s&amp;upervisor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this supervisee's supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;with supervisee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review with this supervisee (read only, only their hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the computer to this supervisee: only their own hours, read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked inactive (left the agency): hidden from the supervisee list and from new sessions. Their records, progress and forms stay; pending records can still be signed. To edit or amend a record, reactivate them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;dit details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this supervisee's details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this supervisee inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give their hours &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this supervisee their hours file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save their signed records, with the signatures, to a file they keep and take along</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed for the credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision hours (signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervised experience hours (signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours by supervisor (signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours by supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision hours over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience hours over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions of this supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessio&amp;ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience entries of this supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience &amp;entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs (51%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;with {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate this supervisee first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give {name} their hours &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate this supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They left the agency: hide them from the list and from new sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show them in the list and in new sessions again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICB applicant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s), {first} to {last} ({months})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Individual / group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{i} h / {g} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {required} h ({self_reported} h self-reported; see Training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Supervision and experience are met.&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Every requirement is met.&lt;/b&gt; Your supervisor can print the attestation form.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style='color:#1e6b1e'&gt;&lt;b&gt;Every requirement is met.&lt;/b&gt; The attestation form can be printed.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of these records fail verification (they were changed outside the app after signing). The figures below include them: do not print an attestation until this is resolved. Details: Audit ▸ Verify records.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h ({c} h counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuperviseeDialog</name>
    <message>
        <source>New supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name, as on the ICB application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential working toward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the credential cannot change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICB applicant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; printed on the attestation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICB applicant &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Peer Support Specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire date known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day the agency hired them: the Due view counts an employer's deadline from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hire date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor of &amp;record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving? What you typed about this supervisee will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving? Your changes to this supervisee will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuperviseeListPage</name>
    <message>
        <source>Supervisees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Supervisees&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a supervisee by name, credential or ICB ID (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only &amp;mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only my supervisees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the supervisees you are the supervisor of record for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show inactive supervisees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress, sessions and experience (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;session with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session with the selected supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New s&amp;upervisee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisees and their progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No supervisees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s) · adding up their hours…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · adding up their hours ({done} done)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying every signed record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying every signed record: {pct}%…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s) with records that fail verification</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n supervisee(s) match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · {e} eligible · {o} overdue for supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No supervisees yet&lt;/h3&gt;&lt;p&gt;Add the people you supervise with &lt;b&gt;New supervisee…&lt;/b&gt; (above, or File ▸ New supervisee). Their sessions, experience hours and progress toward the credential will show here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;None of your own supervisees here&lt;/h3&gt;&lt;p&gt;Clear &lt;b&gt;Only mine&lt;/b&gt; to see everyone.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No supervisee matches “{text}”&lt;/h3&gt;&lt;p&gt;The search looks at names, credentials, supervisors and ICB IDs, ignoring accents and capitals. Clear the search box to see everyone.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuperviseeTableModel</name>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed hours that count, as a share of the credential's requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligible: every requirement met. Overdue: no signed or pending session in the last 14 days. On track: neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding up the signed hours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pct}% · {h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records fail verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified yet: the file's signatures are being checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} of {req} h signed and counted; {p} h waiting for signature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>Edit supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on attestation forms as they are when a form is printed. The change is kept in the audit trail; signed records keep their signatures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new supervisor types their own password here; they sign their own records with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add supervisor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name, as on your credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credentials:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials as printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. CRSS, LCPC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Clinical Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICB certification &amp;#:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICB certification number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License t&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. LCPC (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License n&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification e&amp;xpires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICB certification expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License expire&amp;s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License expires on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorLeaveDialog</name>
    <message>
        <source>&lt;p&gt;{name} will be marked inactive: no longer listed at sign-in, no new records.&lt;/p&gt;&lt;p&gt;Their &lt;b&gt;{supervisees}&lt;/b&gt; go to the successor from the date below. What {name} signed stays theirs and still verifies. Their &lt;b&gt;{pending}&lt;/b&gt; waiting for signature can then be reviewed and signed by the successor, as the successor's own word: the printed form says who supervised and who signed.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n supervisee(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} left the agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody: nothing to hand over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Successor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The successor takes over on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Takes over on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. moved to another agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark as left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left {day}; successor {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active, no password yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} expired {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} expires {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} to {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorsSection</name>
    <message>
        <source>Supervisors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set pass&amp;word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the selected supervisor's password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A first password, or a forgotten one: they type it, you confirm with yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left the a&amp;gency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected supervisor left the agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark inactive and hand their supervisees to a successor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;ctivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate the selected supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review pe&amp;nding they left…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review what the selected supervisor left unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are their successor: sign what you can vouch for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery &amp;key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new recovery key for me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a forgotten password: written down, kept away from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisors status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password set for {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is marked inactive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is marked inactive; {supervisees} now with {successor}, who can review and sign the {records} left pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new recovery key replaces the one you have (if any): the old one stops working. Write the new one down and keep it away from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make a new key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToSignPage</name>
    <message>
        <source>To sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;To sign&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records you supervise that wait for your signature. Read each one over, select the ones to sign (click; Ctrl+click or Shift+click for several; Select all or Ctrl+A for all), then Sign: your password is asked once for the whole batch. Signed records are final; corrections are amendments or voids with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records you supervise that wait for your signature. Signing is not possible here: this copy of the app is read only (see the banner above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the selected records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all records waiting for signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records waiting for signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waits for your signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your {kind} {number} expires on {date} (in %n day(s)). Records dated after that cannot be signed until you record the renewal (File &gt; Training and credentials…).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Sign {n} selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} waiting · {n} selected ({length})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {kind} of {when} ({who})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (amendment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendment reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingEditor</name>
    <message>
        <source>Change training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rovider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delivery:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours by topic area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours of {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the certificate (PDF or image, at most 5 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingImportDialog</name>
    <message>
        <source>Import training from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import training</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n training entry(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingModel</name>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation does not match!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training and credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education and renewal progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training and education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New trainin&amp;g…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirm (sign)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the selected training with your signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected training's certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import training from a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;credential…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a credential or licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire date (an employer's credential deadline counts from it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save hire date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the hire date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({start} to {end})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}{period}: {done} of {required} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a credential with its expiry to see progress toward its renewal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the training “{title}” ({date}) and its certificate?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm “{title}” ({hours} h, {date}) as {name}: your signature says the training took place as recorded, certificate included. A confirmed training cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the {kind} {number} recorded by mistake?</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>Amended (replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue for supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>date_field</name>
    <message>
        <source>There is no month {month}. {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a 24-hour time such as 9:30 or 14:05.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a date such as 03/15/2026 or 2026-03-15, or press Alt+Down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the date as month/day/year, e.g. 03/15/2026, or as 2026-03-15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the minutes with two digits, e.g. 9:05.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the time as hours:minutes, e.g. 9:30 or 14:05.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the year with four digits, e.g. 2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} is in the future; record hours once they have happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} is too early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month:02d}/{day:02d}/{year} is not a date. {example}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without importing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pdf_output</name>
    <message>
        <source>Print {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened in your PDF viewer: print it from there ({path}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started, so nothing was printed. Check the printer and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer stopped before the whole form was sent. Check the printer and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
