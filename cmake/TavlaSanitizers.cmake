# ASan + UBSan for the `asan` preset. UBSan findings abort (no recovery) so a
# test that triggers undefined behaviour fails instead of printing and passing.
if(TAVLA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)

  # The environment of every test (tavla_add_test), and so of the programs
  # the tests start (tavla-kiosk, tavla-host): the same under `ctest
  # --preset asan` and a plain `ctest --test-dir build-asan`. Reports name
  # functions, files and lines only with llvm-symbolizer (Debian's `llvm`);
  # without it they are bare addresses. Leaks are checked against
  # tests/sanitizers/lsan.supp (third-party libraries only).
  find_program(TAVLA_LLVM_SYMBOLIZER NAMES llvm-symbolizer llvm-symbolizer-14 REQUIRED)
  set(TAVLA_SANITIZER_TEST_ENVIRONMENT
      "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1"
      "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
      "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp:print_suppressions=0"
      "ASAN_SYMBOLIZER_PATH=${TAVLA_LLVM_SYMBOLIZER}")
endif()
