# FEDGATE_SANITIZE=ON: AddressSanitizer and UndefinedBehaviorSanitizer on
# every target of the project (libraries, tools, tests, fuzzers). Undefined
# behaviour aborts instead of printing and going on, so a test or fuzzer
# that hits it fails.
option(FEDGATE_SANITIZE "Build every target with ASan and UBSan" OFF)
# FEDGATE_FUZZ=ON: the libFuzzer targets of fuzz/ (clang only).
option(FEDGATE_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)

if(FEDGATE_SANITIZE)
  set(fedgate_sanitize_flags -fsanitize=address,undefined -fno-omit-frame-pointer
                             -fno-sanitize-recover=undefined)
  add_compile_options(${fedgate_sanitize_flags})
  add_link_options(${fedgate_sanitize_flags})
endif()

if(FEDGATE_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "FEDGATE_FUZZ=ON needs clang (libFuzzer): configure with "
                      "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ in a fresh build "
                      "directory, or leave FEDGATE_FUZZ off.")
endif()
