# Enforces the layers of DESIGN.md on the link lines, at configure time:
#   core      links Qt Core and Qt Positioning only;
#   adapters  link core and their own Qt modules, never ui;
#   ui        links core and Widgets, never an adapter, Sql or Network.
# tests/layering also builds core alone with only Qt Core and Positioning found.
include_guard(GLOBAL)

function(relais_forbid_links target)
    if(NOT TARGET ${target})
        return()
    endif()
    get_target_property(libs ${target} LINK_LIBRARIES)
    get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
    foreach(lib IN LISTS libs ilibs)
        foreach(forbidden IN LISTS ARGN)
            if(lib MATCHES "${forbidden}")
                message(FATAL_ERROR "Layering: ${target} must not link ${lib} (see DESIGN.md, Layers)")
            endif()
        endforeach()
    endforeach()
endfunction()

set(relais_device_libs "relais_devices" "relais_relaisjson")
relais_forbid_links(relais_core "Widgets" "Gui" "Sql" "Network" "relais_store" "relais_ui" ${relais_device_libs})
relais_forbid_links(relais_ui "Sql" "Network" "relais_store" ${relais_device_libs} "relais_tiles" "relais_secrets")
foreach(adapter relais_store relais_devices relais_relaisjson_codec relais_relaisjson relais_tiles relais_secrets)
    relais_forbid_links(${adapter} "relais_ui" "Widgets")
endforeach()
# The shared ingest knows no protocol; a protocol's codec is pure (no I/O library, no ingest).
relais_forbid_links(relais_devices "relais_relaisjson" "Network" "SerialPort")
relais_forbid_links(relais_relaisjson_codec "Network" "SerialPort" "relais_devices")
