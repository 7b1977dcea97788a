#!/bin/bash
# deb postinst of the Loyalty Till (electron-builder `deb.afterInstall`).
#
# Setting afterInstall replaces electron-builder's own script, so the first part repeats what
# that script does (electron-builder 26: command link, chrome-sandbox, desktop databases,
# AppArmor profile); the last part installs the udev rule for the scanners and card readers.
#
# electron-builder fills in dollar-brace names when it builds the package (only `executable`
# and `sanitizedProductName` exist), so this script's own variables are written without braces.

# The command on PATH
if type update-alternatives >/dev/null 2>&1; then
    # Remove a previous link that does not use update-alternatives
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "`readlink '/usr/bin/${executable}'`" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# Chromium's sandbox: SUID helper only where unprivileged user namespaces do not work
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
    chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi
if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# AppArmor profile (Ubuntu 24.04+ restricts user namespaces), when the package has one and
# this AppArmor understands it
APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'
APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'
if [ -f "$APPARMOR_PROFILE_SOURCE" ] && apparmor_status --enabled > /dev/null 2>&1; then
    if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" > /dev/null 2>&1; then
        cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"
        if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET" || true
        fi
    fi
fi

# HID scanners and card readers: access for the logged-in user (see the rules file)
RULES_SOURCE='/opt/${sanitizedProductName}/resources/udev/70-loyalty-till-hid.rules'
RULES_TARGET=/etc/udev/rules.d/70-loyalty-till-hid.rules
if [ -f "$RULES_SOURCE" ]; then
    install -m 0644 "$RULES_SOURCE" "$RULES_TARGET"
    if command -v udevadm >/dev/null 2>&1; then
        udevadm control --reload-rules || true
        # Applies to devices already plugged in; no effect inside a chroot or container build.
        udevadm trigger --subsystem-match=hidraw --action=change || true
    fi
fi

exit 0
