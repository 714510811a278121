# 64-bit Raspberry Pi OS (Debian 12 bookworm, aarch64) with Debian's cross
# compiler and the arm64 multiarch -dev packages (`./tavla setup --pi`).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# Multiarch: arm64 libraries live in /usr/lib/aarch64-linux-gnu on this very
# root, headers are shared. Search there for libraries, never the host's.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Run the arm64 test binaries here. `-L /` uses the multiarch libc6:arm64
# loader; `-L /usr/aarch64-linux-gnu` hangs threaded programs under qemu 7.2
# (see the Pi section of docs and platform notes).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64;-L;/)
