# Version and build date for every program. The build date lets a device tell
# whether its clock is plausible (a Raspberry Pi has no real-time clock: a
# clock before the build date is certainly wrong). SOURCE_DATE_EPOCH, when
# set, makes the date reproducible.
string(TIMESTAMP TAVLA_BUILD_DATE "%Y-%m-%d" UTC)
configure_file(${CMAKE_CURRENT_LIST_DIR}/build_info.hpp.in
               ${CMAKE_BINARY_DIR}/generated/tavla/build_info.hpp @ONLY)
add_library(tavla_build_info INTERFACE)
add_library(tavla::build_info ALIAS tavla_build_info)
target_include_directories(tavla_build_info INTERFACE ${CMAKE_BINARY_DIR}/generated)
