; Inno Setup 6 script: installs the PyInstaller bundle (dist\supervisor-app) for the current
; user only, without administrator rights, with a Start-menu entry. Build on Windows after
; the PyInstaller build, from the repository's top folder (see packaging\README.md):
;
;   iscc /DAppVersion=0.1.0 packaging\windows\supervisor_app.iss
;
; which writes dist\supervisor-app-0.1.0-windows-setup.exe. The version comes from
; pyproject.toml (the README's command passes it); the script refuses to build without one.
;
; The user's data (%LOCALAPPDATA%\supervisor_app: the database and its backups) is never
; touched by installing, upgrading or uninstalling; the uninstaller says where it is kept.
;
; packaging\build-windows.ps1 runs this with the version, then installs the result silently,
; runs the installed copy and uninstalls it: the release workflow's proof the installer works.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z packaging\windows\supervisor_app.iss
#endif

#define AppName "supervisor_app"
#define AppExe "supervisor-app.exe"
#define CliExe "supervisor-app-cli.exe"
#define Bundle "..\..\dist\supervisor-app"

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{C5EAE766-02DC-4844-80DB-A8CF7EF5E14F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Supervision hours, sign-off and ICB attestation forms, offline
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs, {autoprograms} the user's
; own Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\..\resources\icons\supervisor_app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=supervisor-app-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade while the app is open: offer to close it, and reopen it afterwards.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's libraries whole: nothing of the old version is left to load.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
; For IT: runs the self-test in a console window that stays open (cmd /k "exe" selftest).
Name: "{autoprograms}\{#AppName} self-test"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#CliExe}"" selftest"""; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
english.DataKept=supervisor_app was removed. Your database and its automatic backups were kept, in:%n%n%1%n%nThey are yours: reinstalling finds them again. To remove them as well, delete that folder (keep a copy first: signed records cannot be recovered afterwards).
spanish.DataKept=supervisor_app se ha desinstalado. Su base de datos y sus copias de seguridad automáticas se conservan en:%n%n%1%n%nSon suyas: al reinstalar se encuentran de nuevo. Para eliminarlas también, borre esa carpeta (guarde antes una copia: los registros firmados no se pueden recuperar después).

[Code]
// After an uninstall: say where the user's data stayed (not in a silent uninstall, for IT).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\{#AppName}');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
