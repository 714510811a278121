# Build switches. The presets in CMakePresets.json set these per purpose;
# the defaults build everything for development.
option(TAVLA_BUILD_FIRMWARE "Build the kiosk (firmware/)" ON)
option(TAVLA_BUILD_HOST "Build the host service (host/)" ON)
option(TAVLA_BUILD_TESTS "Build the tests under tests/" ON)
option(TAVLA_BUILD_FUZZERS "Build libFuzzer targets (needs clang)" OFF)
option(TAVLA_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(TAVLA_WERROR "Treat warnings on our code as errors" ON)
