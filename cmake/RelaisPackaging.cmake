# Packages and installers (docs/packaging.md): CPack writes the .deb and a TGZ of the
# install tree; the WiX source of the MSI is configured with the project's version;
# packaging/linux/make-appdir turns an install tree into an AppDir. Every one of them
# carries PROJECT_VERSION, the one version number of Relais.
include_guard(GLOBAL)
if(RELAIS_CORE_ONLY OR NOT RELAIS_WITH_GUI)
    return()
endif()

if(UNIX AND NOT APPLE)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/copyright DESTINATION share/doc/relais)
endif()

# The MSI's WiX source, with the version filled in (packaging/windows/make-msi builds it).
configure_file(${PROJECT_SOURCE_DIR}/packaging/windows/relais.wxs.in
    ${PROJECT_BINARY_DIR}/packaging/windows/relais.wxs @ONLY)
if(WIN32)
    # A GUI program: no console window opens behind it. Its icon and version resource.
    set(RELAIS_ICO ${PROJECT_SOURCE_DIR}/resources/icons/relais.ico)
    configure_file(${PROJECT_SOURCE_DIR}/packaging/windows/relais.rc.in
        ${PROJECT_BINARY_DIR}/packaging/windows/relais.rc @ONLY)
    set_target_properties(relais PROPERTIES WIN32_EXECUTABLE ON)
    target_sources(relais PRIVATE ${PROJECT_BINARY_DIR}/packaging/windows/relais.rc)
endif()

set(CPACK_PACKAGE_NAME relais)
set(CPACK_PACKAGE_VENDOR "The Relais developers")
set(CPACK_PACKAGE_CONTACT "The Relais developers <maintainers@relais.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Relais shows the alarms raised by connected devices (panic buttons, fall detectors, \
smoke, intrusion, door and water-leak sensors) on a live map next to the neighbourhood \
helpers on duty, and lets the dispatcher send one of them to check on site. Everything is \
kept in a durable journal (SQLite on one desk, PostgreSQL for several).")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

# .deb: relais_<version>_<arch>.deb. dpkg-shlibdeps finds the libraries the executables
# link (Qt modules, SQLite, simdjson; QtKeychain, libmosquitto, Qt Multimedia when they are
# linked); Depends adds what Qt loads at run time, which no link line shows: the SQL drivers,
# the SVG icon engine, the platform plugins. The xcb and offscreen platforms and the TLS
# backend come with libqt6gui6 and libqt6network6, which shlibdeps finds.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland, fonts-dejavu-core")
# Added by packaging/linux/cpack-options.cmake.in when the executable links QtKeychain:
# its libsecret backend is dlopen'ed, and needs an unlocked Secret Service provider.
set(CPACK_RELAIS_KEYCHAIN_DEPENDS "libsecret-1-0")
set(CPACK_RELAIS_KEYCHAIN_RECOMMENDS "gnome-keyring | keepassxc | kwalletmanager")

file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/packaging/cpack-options.cmake
    INPUT ${PROJECT_SOURCE_DIR}/packaging/linux/cpack-options.cmake.in)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_BINARY_DIR}/packaging/cpack-options.cmake)
include(CPack)
