#!/bin/bash
# deb postrm of the Loyalty Till (electron-builder `deb.afterRemove`, which replaces its own
# script: the first part repeats it). $1 is dpkg's action: remove, purge, upgrade...
# Only `executable` and `sanitizedProductName` are filled in (dollar-brace) by electron-builder.

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/usr/bin/${executable}' || true
else
    rm -f '/usr/bin/${executable}'
fi

case "$1" in
    remove|purge)
        rm -f /etc/udev/rules.d/70-loyalty-till-hid.rules
        rm -f '/etc/apparmor.d/${executable}'
        if command -v udevadm >/dev/null 2>&1; then
            udevadm control --reload-rules || true
        fi
        ;;
esac

exit 0
