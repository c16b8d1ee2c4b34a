#!/bin/sh
# Copydesk: remove the launcher, icon and metainfo that install.sh added (same as install.sh --uninstall).
exec "$(dirname "$0")/install.sh" --uninstall
