# One library per folder of generator/, linked in the one direction
# STYLE.md gives (core ← config ← content/data/markdown ← domain ← render ←
# site ← check/studio ← cli), so a wrong include fails to build.
#
# How: no target sees generator/ itself. Module M publishes only
# layers/M/, in which M/ is a link to generator/M/; `#include "M/x.h"` keeps
# its spelling, and a module finds the headers of exactly the modules it
# links (PUBLIC, so transitively). content/ cannot find "data/…", data/
# cannot find "render/…": the compiler stops with "No such file or
# directory". tests/layering/ proves that a forbidden include fails.

set(HONGFAN_MODULES "")

# hongfan_module(NAME [DEPS module…] [LIBS target…] [PRIVATE_LIBS target…]
#                [SOURCES extra.cc…] [EXECUTABLE])
function(hongfan_module name)
  cmake_parse_arguments(M "EXECUTABLE" "" "DEPS;LIBS;PRIVATE_LIBS;SOURCES" ${ARGN})
  set(dir ${CMAKE_SOURCE_DIR}/generator/${name})
  set(root ${CMAKE_BINARY_DIR}/layers/${name})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${dir} ${root}/${name} SYMBOLIC)
  file(GLOB srcs CONFIGURE_DEPENDS ${dir}/*.cc)
  list(FILTER srcs EXCLUDE REGEX "_test\\.cc$")
  set(deps "")
  foreach(d ${M_DEPS})
    list(APPEND deps hongfan_${d})
  endforeach()
  if(M_EXECUTABLE)
    set(target hongfan)
    add_executable(${target} ${srcs} ${M_SOURCES})
    target_include_directories(${target} PRIVATE ${root})
    target_link_libraries(${target} PRIVATE ${deps} ${M_LIBS} ${M_PRIVATE_LIBS})
  else()
    set(target hongfan_${name})
    add_library(${target} STATIC ${srcs} ${M_SOURCES})
    target_include_directories(${target} PUBLIC ${root})
    target_link_libraries(${target} PUBLIC ${deps} ${M_LIBS} PRIVATE ${M_PRIVATE_LIBS})
  endif()
  set(HONGFAN_MODULES ${HONGFAN_MODULES} ${name} PARENT_SCOPE)
endfunction()
