# Debian packages (CPack's DEB generator): one package per program.
#   tavla-kiosk  the appliance (amd64 from the dev/release presets, arm64 from `pi`)
#   tavla-host   the host service (not in the `pi` preset, which builds no host)
# The install() rules live beside each program (firmware/, host/); this file
# only says how their components become packages. `./tavla package [--pi]`
# builds the release (or pi) preset and runs cpack; the packages land in
# <build>/packages/. tests/packaging/ installs them on the test machine.
#
# Depends: what dpkg-shlibdeps finds in the programs' ELF files, plus what
# the maintainer scripts and the programs use at run time without linking it.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tavla)
set(CPACK_PACKAGE_VENDOR "Tavla")
set(CPACK_PACKAGE_CONTACT "Tavla maintainers <tavla@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's Description is its component's: first line the synopsis.
# CPack would put the project's one summary in front of both unless the
# summary is its own default text, which it then leaves out.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)  # maintainer scripts 0755

# CPack asks `dpkg --print-architecture`, which is the build machine's; the
# cross build's package is arm64. dpkg-shlibdeps needs no help there: it
# reads the architecture from the ELF file and resolves the libraries in
# /usr/lib/aarch64-linux-gnu to their :arm64 packages (`./tavla setup --pi`
# installs them). Checked: build-pi's tavla-kiosk gets the same Depends as
# the amd64 one.
if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
endif()

set(tavla_components)
if(TAVLA_BUILD_FIRMWARE)
  list(APPEND tavla_components kiosk)
  set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME tavla-kiosk)
  set(CPACK_COMPONENT_KIOSK_DESCRIPTION
      [[Tavla meeting-room kiosk
The touchscreen appliance of the meeting room: check-in to group guidance
and network meetings with their agenda, started on boot on the console
(KMS/DRM) as the unprivileged user tavla-kiosk. Events wait in a local
outbox until the host acknowledges them.]])
  # systemd: the unit is how the kiosk runs (a login session on tty1 for the
  # display and the input devices). Network time is recommended rather than
  # required so that a machine with another time daemon can install it.
  set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
      "adduser, init-system-helpers, systemd, tzdata, fonts-dejavu-core")
  set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "systemd-timesyncd | time-daemon")
  set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
      ${PROJECT_SOURCE_DIR}/firmware/dist/postinst
      ${PROJECT_SOURCE_DIR}/firmware/dist/prerm
      ${PROJECT_SOURCE_DIR}/firmware/dist/postrm)
endif()
if(TAVLA_BUILD_HOST)
  list(APPEND tavla_components host)
  set(CPACK_DEBIAN_HOST_PACKAGE_NAME tavla-host)
  set(CPACK_COMPONENT_HOST_DESCRIPTION
      [[Tavla host service
Stores the rooms' attendance and agenda events from the MQTT broker in
SQLite or PostgreSQL, publishes the rooms' configurations, and reports
usage per municipality and the cost allocation and settlement.]])
  set(CPACK_DEBIAN_HOST_PACKAGE_DEPENDS "adduser, init-system-helpers, tzdata")
  set(CPACK_DEBIAN_HOST_PACKAGE_RECOMMENDS "mosquitto")
  set(CPACK_DEBIAN_HOST_PACKAGE_SUGGESTS "postgresql, mosquitto-clients")
  set(CPACK_DEBIAN_HOST_PACKAGE_CONTROL_EXTRA
      ${PROJECT_SOURCE_DIR}/host/dist/postinst
      ${PROJECT_SOURCE_DIR}/host/dist/prerm
      ${PROJECT_SOURCE_DIR}/host/dist/postrm)
endif()
set(CPACK_COMPONENTS_ALL ${tavla_components})

include(CPack)
