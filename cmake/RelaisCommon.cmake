# Compile settings shared by every Relais target, as one INTERFACE target.
include_guard(GLOBAL)

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

option(RELAIS_WERROR "Treat compiler warnings as errors" OFF)
option(RELAIS_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

# ccache where present: rebuilds on 2 cores are mostly cache hits.
if(NOT CMAKE_CXX_COMPILER_LAUNCHER)
    find_program(RELAIS_CCACHE ccache)
    if(RELAIS_CCACHE)
        set(CMAKE_CXX_COMPILER_LAUNCHER "${RELAIS_CCACHE}")
    endif()
endif()

add_library(relais_common_cfg INTERFACE)
target_compile_definitions(relais_common_cfg INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    RELAIS_VERSION="${PROJECT_VERSION}"
    $<$<NOT:$<CONFIG:Debug>>:QT_NO_DEBUG_OUTPUT>)
target_compile_options(relais_common_cfg INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    # GCC 12 reports std::optional members as "maybe uninitialized" at -O2 when they are
    # not (GCC bug 80635); the warning is off for GCC rather than worked around in code.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>
    $<$<BOOL:${RELAIS_WERROR}>:-Werror>)
if(RELAIS_SANITIZE)
    target_compile_options(relais_common_cfg INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(relais_common_cfg INTERFACE -fsanitize=address,undefined)
endif()
