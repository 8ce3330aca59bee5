#pragma once

#include <cstdio>
#include <cstdlib>

// A broken invariant is a finding like a crash: the target aborts, and libFuzzer keeps the input
// (crash-<sha1>) and prints its name. Checks state what the parser's header promises, so that a
// wrong answer is found as well as a crash.
#define RELAIS_FUZZ_CHECK(condition)                                                                                   \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);                     \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
