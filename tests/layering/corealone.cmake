# Configure core (and its tests) alone, build the library, then check that no
# forbidden Qt module was found.
file(REMOVE_RECURSE "${BINARY_DIR}")
execute_process(
    COMMAND ${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
            -DRELAIS_CORE_ONLY=ON -DRELAIS_BUILD_TESTS=ON -DRELAIS_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug
            -DCMAKE_CXX_COMPILER_LAUNCHER=${COMPILER_LAUNCHER}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "core alone: configure failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BINARY_DIR}" --target relais_core RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "core alone: build failed (${rc})")
endif()
file(STRINGS "${BINARY_DIR}/CMakeCache.txt" found REGEX "^Qt6(Widgets|Sql|Network|Gui)_DIR:PATH=.*[^-]$")
foreach(line IN LISTS found)
    if(NOT line MATCHES "NOTFOUND")
        message(FATAL_ERROR "core alone: a forbidden Qt module was found: ${line}")
    endif()
endforeach()
message(STATUS "core alone: configured and built with Qt Core and Qt Positioning only")
