# The fuzz build (RELAIS_FUZZ, the fuzz preset; docs/fuzzing.md): clang's libFuzzer with
# AddressSanitizer and UndefinedBehaviorSanitizer. The libraries the targets link are compiled
# with coverage instrumentation (fuzzer-no-link) and the sanitizers; only the targets of fuzz/
# link libFuzzer itself, which brings main().
include_guard(GLOBAL)

if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "RELAIS_FUZZ needs clang and its libFuzzer (libclang-rt-14-dev): "
                        "configure with cmake --preset fuzz")
endif()
if(RELAIS_CORE_ONLY)
    message(FATAL_ERROR "RELAIS_FUZZ needs the device-source adapters, which RELAIS_CORE_ONLY leaves out")
endif()

# -fno-sanitize-recover: UBSan stops at its first report, which libFuzzer then keeps as a crash
# (recovering, it would print and go on, and the run would pass). -O1: more executions in the
# bounded time than -O0; line tables only: stack traces with file and line, less to write than -g.
# Debug otherwise (the preset), so that Q_ASSERT in Qt's headers (QList::at ...) checks too.
set(RELAIS_FUZZ_SANITIZERS "address,undefined")
target_compile_options(relais_common_cfg INTERFACE
    -fsanitize=fuzzer-no-link,${RELAIS_FUZZ_SANITIZERS}
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer
    -O1 -gline-tables-only)
