#!/usr/bin/env bash
# Install Clientocracy Studio for the current user (no root): the app, its menu entry, its icons and the
# *.clientocracy file type, all under ~/.local.
#
#   install.sh [APP_DIR]     install (or update) the built app; APP_DIR defaults to the folder this script is in
#                            when it sits beside the `clientocracy` binary (a copied build), else dist/clientocracy
#   install.sh --uninstall   remove everything this script installed (workshops and settings are kept)
#
# Where things go (XDG_DATA_HOME defaults to ~/.local/share):
#   $XDG_DATA_HOME/clientocracy-studio/                       the app (a copy of APP_DIR)
#   ~/.local/bin/clientocracy                                 a link to it, for the command line
#   $XDG_DATA_HOME/applications/clientocracy-studio.desktop   the menu entry, opening *.clientocracy files
#   $XDG_DATA_HOME/mime/packages/clientocracy-studio.xml      the file type application/x-clientocracy
#   $XDG_DATA_HOME/icons/hicolor/<size>/{apps,mimetypes}/     the app and document icons
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
TARGET="$DATA/clientocracy-studio"
DESKTOP="$DATA/applications/clientocracy-studio.desktop"
MIME="$DATA/mime/packages/clientocracy-studio.xml"
ICONS="$DATA/icons/hicolor"
SIZES=(16 24 32 48 64 128 256 512)

say() { printf '%s\n' "$*"; }

refresh_caches() {
    # Each is optional: a desktop without these tools picks the files up at the next login.
    if command -v update-mime-database >/dev/null; then update-mime-database "$DATA/mime" >/dev/null 2>&1 || true; fi
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [[ -f "$ICONS/index.theme" ]]; then
        gtk-update-icon-cache -f -t -q "$ICONS" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -rf "$TARGET"
    rm -f "$DESKTOP" "$MIME"
    if [[ -L "$BIN/clientocracy" ]]; then rm -f "$BIN/clientocracy"; fi
    for size in "${SIZES[@]}"; do
        rm -f "$ICONS/${size}x${size}/apps/clientocracy-studio.png" \
              "$ICONS/${size}x${size}/mimetypes/application-x-clientocracy.png"
    done
    rm -f "$ICONS/scalable/apps/clientocracy-studio.svg" "$ICONS/scalable/mimetypes/application-x-clientocracy.svg"
    refresh_caches
    say "Clientocracy Studio removed (your workshops and the data folder are untouched)."
}

if [[ "${1:-}" == --uninstall ]]; then
    uninstall
    exit 0
fi
if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
    sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
fi

if [[ -n "${1:-}" ]]; then
    APP="$(cd "$1" && pwd)"
elif [[ -x "$HERE/clientocracy" ]]; then
    APP="$HERE"                                   # a copied build: the script sits beside the binary
else
    APP="$(cd "$HERE/../.." && pwd)/dist/clientocracy"   # the checkout: packaging/linux/install.sh
fi
if [[ ! -x "$APP/clientocracy" ]]; then
    say "No built app in $APP: build it first with packaging/build.sh (or pass the folder that holds 'clientocracy')." >&2
    exit 1
fi
ICON_SRC="$APP/_internal/resources/icons"
for file in "$HERE/clientocracy-studio.desktop" "$HERE/clientocracy-mime.xml" "$ICON_SRC/clientocracy.svg"; do
    [[ -f "$file" ]] || { say "Missing $file: is this a complete build?" >&2; exit 1; }
done

# The app: copied beside the old one, then swapped in, so a failed copy leaves the old version working.
mkdir -p "$DATA" "$BIN"
if [[ "$APP" != "$TARGET" ]]; then
    rm -rf "$TARGET.new"
    cp -a "$APP" "$TARGET.new"
    rm -rf "$TARGET"
    mv "$TARGET.new" "$TARGET"
fi
ln -sfn "$TARGET/clientocracy" "$BIN/clientocracy"

# Icons: the app's, and the same picture for its documents.
for size in "${SIZES[@]}"; do
    png="$ICON_SRC/clientocracy-$size.png"
    [[ -f "$png" ]] || continue
    install -Dm644 "$png" "$ICONS/${size}x${size}/apps/clientocracy-studio.png"
    install -Dm644 "$png" "$ICONS/${size}x${size}/mimetypes/application-x-clientocracy.png"
done
install -Dm644 "$ICON_SRC/clientocracy.svg" "$ICONS/scalable/apps/clientocracy-studio.svg"
install -Dm644 "$ICON_SRC/clientocracy.svg" "$ICONS/scalable/mimetypes/application-x-clientocracy.svg"

# The file type and the menu entry (Exec points at the installed binary, so ~/.local/bin need not be on PATH).
install -Dm644 "$HERE/clientocracy-mime.xml" "$MIME"
mkdir -p "$(dirname "$DESKTOP")"
exec_path="$TARGET/clientocracy"
sed -e "s|^Exec=.*|Exec=\"$exec_path\" %f|" -e "s|^TryExec=.*|TryExec=$exec_path|" \
    "$HERE/clientocracy-studio.desktop" >"$DESKTOP"
chmod 644 "$DESKTOP"

refresh_caches
if command -v xdg-mime >/dev/null; then
    xdg-mime default clientocracy-studio.desktop application/x-clientocracy >/dev/null 2>&1 || true
fi
say "Clientocracy Studio installed in $TARGET"
say "  menu entry: $DESKTOP"
say "  command:    $BIN/clientocracy$([[ ":$PATH:" == *":$BIN:"* ]] || echo "  (add $BIN to PATH to use it)")"
