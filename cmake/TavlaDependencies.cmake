# Every dependency is a Debian 12 package (see README.md, "Dependencies"),
# found here and nowhere else; nothing is vendored or downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)        # nlohmann-json3-dev

if(TAVLA_BUILD_FIRMWARE OR TAVLA_BUILD_HOST)
  find_package(PahoMqttCpp REQUIRED)             # libpaho-mqttpp-dev, libpaho-mqtt-dev
  find_package(SQLite3 REQUIRED)                 # libsqlite3-dev
  find_package(tomlplusplus 3 REQUIRED)          # libtomlplusplus-dev
  find_package(CLI11 REQUIRED)                   # libcli11-dev
  find_package(fmt REQUIRED)                     # libfmt-dev
  find_package(date REQUIRED)                    # libhowardhinnant-date-dev (Europe/Oslo dates)
  find_package(OpenSSL REQUIRED)                 # libssl-dev (SHA-256 of PINs; TLS for Paho;
                                                 # Ed25519 config signatures, HMAC)
  pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)  # libargon2-dev (PIN verifiers)
endif()

if(TAVLA_BUILD_FIRMWARE)
  find_package(SDL2 REQUIRED)                    # libsdl2-dev
  find_package(OpenGL REQUIRED)                  # libgl-dev
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)   # libimgui-dev (1.86), needs stb
  pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)       # libstb-dev (stb_image_write)
endif()

if(TAVLA_BUILD_HOST)
  pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)  # libpqxx-dev
  find_package(OpenSSL REQUIRED)                 # libssl-dev (SHA-256 of members' PINs)
endif()

if(TAVLA_BUILD_TESTS)
  find_package(GTest REQUIRED)                   # libgtest-dev, libgmock-dev
  include(GoogleTest)
endif()
