#!/bin/sh
# Put Divestiture Lab in the desktop's application menu, for this user only (no admin rights).
#
#   ./install.sh --user        add the menu entry and the icon under ~/.local/share
#   ./install.sh --uninstall   take them out again
#
# The app itself stays in this folder: move the folder first, then run this script from it.
set -eu

usage() { echo "usage: $0 --user | --uninstall" >&2; exit 2; }
case ${1:-} in --user|--uninstall) ;; *) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
resources="$here/_internal/resources"  # where the bundle keeps its data (the spec's contents_directory)
data_home=${XDG_DATA_HOME:-}
case $data_home in
  /*) ;;
  *)  # unset or relative: the XDG default
    [ -n "${HOME:-}" ] || { echo "install.sh: HOME is not set, so there is no ~/.local/share to install into" >&2; exit 1; }
    data_home="$HOME/.local/share" ;;
esac
entry="$data_home/applications/divestiture-lab.desktop"
icon="$data_home/icons/hicolor/scalable/apps/divestiture-lab.svg"

refresh() {
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$data_home/applications" || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true; fi
}

if [ "$1" = --uninstall ]; then
  rm -f "$entry" "$icon"
  refresh
  echo "Removed the menu entry and the icon. The app's folder $here and your saved work are left as they are."
  exit 0
fi

case $here in
  *[\"\`\$\\%]*|*"
"*) echo "install.sh: the folder's path contains a character a menu entry cannot hold (\" \` \$ \\ % or a line break): move the folder and run this again" >&2; exit 1 ;;
esac
[ -x "$here/divestiture-lab" ] || { echo "install.sh: $here/divestiture-lab is missing: run this script from the unpacked divestiture-lab folder" >&2; exit 1; }
mkdir -p "$(dirname "$entry")" "$(dirname "$icon")"
cp "$resources/icons/divestiture-lab.svg" "$icon"
# The shipped entry runs `divestiture-lab` from PATH; this one runs the executable in this folder.
{
  grep -v -e '^Exec=' -e '^TryExec=' "$resources/divestiture-lab.desktop"
  printf 'Exec="%s"\nTryExec=%s\n' "$here/divestiture-lab" "$here/divestiture-lab"
} > "$entry.tmp"
mv "$entry.tmp" "$entry"
refresh
echo "Installed the menu entry $entry and the icon $icon."
