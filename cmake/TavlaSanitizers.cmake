# ASan + UBSan for the `asan` preset. UBSan findings abort (no recovery) so a
# test that triggers undefined behaviour fails instead of printing and passing.
if(TAVLA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
