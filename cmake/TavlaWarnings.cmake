# Warnings apply to our own targets only. Third-party headers come in through
# imported targets, whose include directories CMake marks as SYSTEM, so their
# warnings never fail our build.
function(tavla_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic
    -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast
    -Wcast-align -Wimplicit-fallthrough -Wformat=2
    # g++ 12 warns when a C++20 designated initializer leaves out a member
    # that has a default member initializer; that is the point of defaults.
    -Wno-missing-field-initializers)
  if(TAVLA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
