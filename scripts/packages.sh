# Debian 12 packages Relais needs, by purpose. Sourced by setup.sh.
# shellcheck shell=bash

# To build and run the console.
RELAIS_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config ccache libbenchmark-dev
    qt6-base-dev qt6-base-dev-tools qt6-positioning-dev qt6-serialport-dev
    qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
    libqt6sql6-sqlite libsqlite3-dev libsimdjson-dev libqt6svg6 qt6-qpa-plugins fonts-dejavu-core
    qt6-multimedia-dev # alarm sounds (QSoundEffect); without it the build rings the system bell
    qtkeychain-qt6-dev libsecret-1-0 # secrets in the system keychain; QtKeychain dlopens libsecret (docs/secrets.md)
)

# To run the whole test suite (real servers and tools started by the tests).
RELAIS_TEST_PACKAGES=(
    clang-format sqlite3 xvfb xauth python3 socat openssl
    file # CPackDeb needs file(1) to build the .deb of the packaging tests
    # packaging tests (tests/packaging): the .deb, the AppDir, the MSI, desktop metadata
    dpkg-dev patchelf wixl msitools desktop-file-utils appstream libqt6sql6-psql
    # the real keychain (tests/adapters/secrets): a throw-away D-Bus session and gnome-keyring
    dbus dbus-daemon gnome-keyring libsecret-tools
    # the fuzz pass (scripts/fuzz.sh): clang with libFuzzer and the sanitizers' runtimes, and
    # llvm-symbolizer for file and line in their reports
    clang libclang-rt-14-dev llvm-14
)
