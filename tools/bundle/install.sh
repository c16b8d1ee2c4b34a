#!/bin/sh
# Copydesk: put the launcher, the icon and the AppStream metainfo into your desktop, for you alone
# (under ~/.local/share; no root needed). Run it from the unpacked Copydesk folder:
#
#     ./install.sh              add Copydesk to the applications menu (and `copydesk` to ~/.local/bin)
#     ./install.sh --uninstall  remove exactly what install.sh added (./uninstall.sh does the same)
#
# The menu entry starts the program in this folder: after moving the folder, run ./install.sh again.
# To remove Copydesk completely, uninstall, then delete this folder.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
exe=$here/copydesk
resources=$here/_internal/viewer/resources
data=${XDG_DATA_HOME:-$HOME/.local/share}
desktop_file=$data/applications/copydesk.desktop
icon_file=$data/icons/hicolor/scalable/apps/copydesk.svg
metainfo_file=$data/metainfo/io.github.copydesk.Copydesk.metainfo.xml
bin_link=$HOME/.local/bin/copydesk

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
    fi
}

uninstall() {
    rm -f "$desktop_file" "$icon_file" "$metainfo_file"
    # The command-line link goes only if it is ours (another Copydesk folder may own it).
    if [ -L "$bin_link" ] && [ "$(readlink "$bin_link")" = "$exe" ]; then
        rm -f "$bin_link"
    fi
    refresh_caches
    echo "Copydesk removed from the applications menu. This folder ($here) can now be deleted."
}

install() {
    if [ ! -x "$exe" ] || [ ! -f "$resources/copydesk.desktop" ]; then
        echo "install.sh: run me from the unpacked Copydesk folder (no $exe here)" >&2
        exit 1
    fi
    case $here in
        *[\"\`\$\\%]*)
            echo "install.sh: the folder's path contains \" \` \$ \\ or %, which a menu entry cannot" \
                 "hold; move the folder and run install.sh again" >&2
            exit 1 ;;
    esac
    mkdir -p "$(dirname "$desktop_file")" "$(dirname "$icon_file")" "$(dirname "$metainfo_file")"
    # The menu entry runs this folder's program (quoted: the path may hold spaces).
    sed -e "s|^Exec=copydesk |Exec=\"$exe\" |" -e "/^Exec=/a TryExec=$exe" \
        "$resources/copydesk.desktop" > "$desktop_file.tmp"
    mv "$desktop_file.tmp" "$desktop_file"
    cp "$resources/icons/copydesk.svg" "$icon_file"
    cp "$resources/io.github.copydesk.Copydesk.metainfo.xml" "$metainfo_file"
    # A `copydesk` command for the terminal, unless something else already has that name there.
    if [ ! -e "$bin_link" ] || [ -L "$bin_link" ]; then
        mkdir -p "$(dirname "$bin_link")"
        ln -sfn "$exe" "$bin_link"
    fi
    refresh_caches
    echo "Copydesk added to the applications menu (menu entry: $desktop_file)."
    echo "Remove it again with: $here/uninstall.sh"
}

case ${1:-} in
    --uninstall|uninstall) uninstall ;;
    ""|--install) install ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
esac
