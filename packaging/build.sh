#!/usr/bin/env bash
# Build the one-folder app on Linux or macOS: packaging/build.sh [--smoke]
#
# Uses the project's venv (.venv, made by ./run or ./run-tests) and PyInstaller from the dev dependencies.
# Writes build/ (PyInstaller's work files) and dist/ (the app) at the top of the checkout:
#   Linux  dist/clientocracy/clientocracy        macOS  dist/Clientocracy Studio.app
# With --smoke, runs the built app's start-up check afterwards (offscreen when there is no display).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
cd "$ROOT"

if ! "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
    echo "PyInstaller is missing: run ./run-tests once (it installs the dev dependencies) or" >&2
    echo "  $PYTHON -m pip install 'pyinstaller>=6'" >&2
    exit 1
fi

start=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build" "$ROOT/packaging/clientocracy.spec"

if [[ "$(uname)" == Darwin ]]; then
    app="$ROOT/dist/Clientocracy Studio.app"
    binary="$app/Contents/MacOS/clientocracy"
else
    app="$ROOT/dist/clientocracy"
    binary="$app/clientocracy"
fi
echo "Built $app in $((SECONDS - start)) s, $(du -sh "$app" | cut -f1)"

if [[ "${1:-}" == --smoke ]]; then
    if [[ "$(uname)" != Darwin && -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
        export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    fi
    "$binary" --smoke
fi
