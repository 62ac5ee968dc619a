#!/bin/sh
# Install supervisor_app for the current user (no root): the program under
# ~/.local/opt/supervisor-app, a `supervisor-app` command in ~/.local/bin, the menu entry and
# its icon. Run it from the unpacked tarball:
#
#     ./install.sh              install (or upgrade: the old copy is replaced)
#     ./install.sh --uninstall  remove it again (your data is kept)
#
# PREFIX=/some/where ./install.sh installs under that folder instead of ~/.local.
# Your data (the database and its backups) lives in ~/.local/share/supervisor_app and is
# never touched by installing, upgrading or uninstalling.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
dest="$prefix/opt/supervisor-app"
bin="$prefix/bin/supervisor-app"
desktop="$prefix/share/applications/supervisor-app.desktop"
icons="$prefix/share/icons/hicolor"
sizes="16 24 32 48 64 128 256 512"

refresh_menus() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$dest"
    rm -f "$bin" "$desktop"
    for n in $sizes; do rm -f "$icons/${n}x${n}/apps/supervisor-app.png"; done
    refresh_menus
    echo "supervisor_app was removed. Your data in ~/.local/share/supervisor_app was kept."
    exit 0
fi

if [ ! -x "$here/supervisor-app" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run this from the unpacked supervisor-app folder (supervisor-app and _internal beside it)." >&2
    exit 1
fi

mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications"
staging="$dest.new"
rm -rf "$staging"
mkdir -p "$staging"
cp -R "$here/supervisor-app" "$here/_internal" "$staging/"
rm -rf "$dest"
mv "$staging" "$dest"
ln -sf "$dest/supervisor-app" "$bin"

for n in $sizes; do
    mkdir -p "$icons/${n}x${n}/apps"
    cp "$dest/_internal/supervisor_app/resources/icons/supervisor_app-$n.png" "$icons/${n}x${n}/apps/supervisor-app.png"
done
sed "s|^Exec=.*|Exec=\"$dest/supervisor-app\"|" "$here/supervisor-app.desktop" > "$desktop"
refresh_menus

echo "supervisor_app $("$dest/supervisor-app" --version | sed 's/^supervisor_app //') is installed in $dest."
echo "Open it from your applications menu, or run: $bin"
echo "To check it works on this computer, run: $bin selftest"
