# Build the Windows bundle and its installer, and prove both work: PyInstaller (the same spec
# as Linux and macOS), the bundled program's --version and selftest, the Inno Setup installer,
# then a silent per-user install (no administrator rights), the installed copy's --version and
# selftest, and a silent uninstall that must leave the user's data where it was.
# Run on Windows 10/11 x64 (the release workflow's windows runner) with uv and Inno Setup 6.
#
#     pwsh packaging/build-windows.ps1             build, check, make the installer, install it
#     pwsh packaging/build-windows.ps1 -NoBuild    the same with the bundle already in dist\
#
# Writes dist\supervisor-app\ (the bundle) and dist\supervisor-app-<version>-windows-setup.exe.
# Environment: PYINSTALLER (the requirement uv installs; the same pin as build-linux);
# ISCC (the Inno Setup compiler, default: Inno Setup 6 in Program Files (x86)).
param([switch]$NoBuild)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$PyInstaller = if ($env:PYINSTALLER) { $env:PYINSTALLER } else { "pyinstaller==6.22.3" }
$Dist = Join-Path $Root "dist"
$Bundle = Join-Path $Dist "supervisor-app"
$Cli = Join-Path $Bundle "supervisor-app-cli.exe"
$Version = (uv run python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])").Trim()
$Setup = Join-Path $Dist "supervisor-app-$Version-windows-setup.exe"
$Iscc = if ($env:ISCC) { $env:ISCC } else { Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }

function Step($text) { Write-Host "`n== $text" }
function Fail($text) { Write-Error "build-windows: FAILED: $text"; exit 1 }

# The checks run with throwaway data folders, never the builder's own.
$Scratch = Join-Path ([IO.Path]::GetTempPath()) ("supervisor_app-build-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $Scratch | Out-Null
$env:SUPERVISOR_APP_DATA_DIR = Join-Path $Scratch "data"
$env:SUPERVISOR_APP_CACHE_DIR = Join-Path $Scratch "cache"
$env:QT_QPA_PLATFORM = "offscreen"
Remove-Item Env:SUPERVISOR_APP_DB -ErrorAction SilentlyContinue

function Check($program) {
    # --version is pyproject's, selftest passes.
    $out = (& $program --version | Out-String).Trim()
    if ($LASTEXITCODE -ne 0) { Fail "$program --version exited with code $LASTEXITCODE" }
    Write-Host $out
    if ($out -ne "supervisor_app $Version") { Fail "--version printed '$out', expected 'supervisor_app $Version'" }
    & $program selftest
    if ($LASTEXITCODE -ne 0) { Fail "the selftest of $program exited with code $LASTEXITCODE (its output is above)" }
}

try {
    if (-not $NoBuild) {
        Step "PyInstaller ($PyInstaller): packaging\supervisor_app.spec"
        uv run --with $PyInstaller pyinstaller --noconfirm --clean --log-level WARN --workpath build\pyinstaller --distpath dist packaging\supervisor_app.spec
        if ($LASTEXITCODE -ne 0) { Fail "PyInstaller exited with code $LASTEXITCODE" }
    }
    if (-not (Test-Path $Cli)) { Fail "$Cli is missing: build first (without -NoBuild)" }
    if (-not (Test-Path (Join-Path $Bundle "supervisor-app.exe"))) { Fail "the windowed supervisor-app.exe is missing" }

    Step "supervisor-app-cli.exe --version and selftest (the bundle in dist\)"
    Check $Cli

    Step "Inno Setup: $(Split-Path -Leaf $Setup)"
    & $Iscc /Q "/DAppVersion=$Version" packaging\windows\supervisor_app.iss
    if ($LASTEXITCODE -ne 0) { Fail "ISCC exited with code $LASTEXITCODE" }
    if (-not (Test-Path $Setup)) { Fail "$Setup was not written" }

    Step "install for this user only, silently, without administrator rights"
    $Target = Join-Path $Scratch "Programs\supervisor_app"
    $Log = Join-Path $Scratch "setup.log"
    $p = Start-Process -FilePath $Setup -Wait -PassThru -ArgumentList @(
        "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/DIR=`"$Target`"", "/LOG=`"$Log`"")
    if ($p.ExitCode -ne 0) { Get-Content $Log | Write-Host; Fail "the installer exited with code $($p.ExitCode)" }
    Check (Join-Path $Target "supervisor-app-cli.exe")

    Step "uninstall silently: the user's data stays"
    # A file in the real data folder (%LOCALAPPDATA%\supervisor_app), as a user's database would be.
    $DataDir = Join-Path $env:LOCALAPPDATA "supervisor_app"
    $Made = -not (Test-Path $DataDir)
    New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
    $Marker = Join-Path $DataDir "build-check-$([Guid]::NewGuid()).db"
    Set-Content -Path $Marker -Value "stands for the user's database"
    $p = Start-Process -FilePath (Join-Path $Target "unins000.exe") -Wait -PassThru -ArgumentList @(
        "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
    if ($p.ExitCode -ne 0) { Fail "the uninstaller exited with code $($p.ExitCode)" }
    # The uninstaller finishes its work in a copy of itself: give it up to a minute.
    $Installed = Join-Path $Target "supervisor-app-cli.exe"
    for ($i = 0; $i -lt 60 -and (Test-Path $Installed); $i++) { Start-Sleep -Seconds 1 }
    if (Test-Path $Installed) { Fail "the uninstall left the program behind" }
    if (-not (Test-Path $Marker)) { Fail "the uninstall deleted the user's data" }
    Remove-Item $Marker
    if ($Made) { Remove-Item -Recurse $DataDir }

    Step "summary"
    $size = "{0:N0} MB" -f ((Get-ChildItem $Bundle -Recurse | Measure-Object Length -Sum).Sum / 1MB)
    Write-Host "bundle:    $Bundle ($size)"
    Write-Host "installer: $Setup ($("{0:N0} MB" -f ((Get-Item $Setup).Length / 1MB)))"
    Write-Host "build-windows: all checks passed"
}
finally {
    Remove-Item -Recurse -Force $Scratch -ErrorAction SilentlyContinue
}
