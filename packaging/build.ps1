# Build the one-folder app on Windows: powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [-Smoke]
#
# Uses the project's venv (.venv, made with: py -3.11 -m venv .venv; .venv\Scripts\pip install -e ".[dev]")
# and PyInstaller from the dev dependencies. Writes build\ (PyInstaller's work files) and dist\ (the app):
#   dist\clientocracy\Clientocracy Studio.exe   the app (no console window; give this one to users)
#   dist\clientocracy\clientocracy.exe          the same app with a console: the command line and --smoke
# With -Smoke, runs the built app's start-up check afterwards.
param([switch]$Smoke)
$ErrorActionPreference = "Stop"

$Root = Split-Path -Parent $PSScriptRoot
$Python = if ($env:PYTHON) { $env:PYTHON } else { Join-Path $Root ".venv\Scripts\python.exe" }
Set-Location $Root

& $Python -c "import PyInstaller" 2>$null
if ($LASTEXITCODE -ne 0) {
    Write-Error "PyInstaller is missing: $Python -m pip install -e `".[dev]`" (or 'pyinstaller>=6')"
}

$Started = Get-Date
& $Python -m PyInstaller --noconfirm --log-level WARN `
    --distpath (Join-Path $Root "dist") --workpath (Join-Path $Root "build") `
    (Join-Path $Root "packaging\clientocracy.spec")
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$App = Join-Path $Root "dist\clientocracy"
$Size = (Get-ChildItem $App -Recurse -File | Measure-Object -Property Length -Sum).Sum / 1MB
$Seconds = [int]((Get-Date) - $Started).TotalSeconds
Write-Host ("Built {0} in {1} s, {2:N0} MB" -f $App, $Seconds, $Size)

if ($Smoke) {
    & (Join-Path $App "clientocracy.exe") --smoke
    exit $LASTEXITCODE
}
