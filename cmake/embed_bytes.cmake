# Shared by embed_theme.cmake and embed_studio.cmake: turns the files of a
# folder into C++ byte arrays, and writes a generated source only when it
# changed (so an unchanged theme does not rebuild anything).

# Sets OUT_VAR to one "static const char fN[] = {...};" line per file of
# DIR (sorted, dot files skipped), each followed by LINE with @NAME@ (the
# file's path inside DIR) and @ARRAY@ (its array) filled in. RECURSE
# descends into subfolders.
function(embed_bytes DIR RECURSE LINE OUT_VAR)
  if(RECURSE)
    file(GLOB_RECURSE files RELATIVE "${DIR}" "${DIR}/*")
  else()
    file(GLOB files RELATIVE "${DIR}" "${DIR}/*")
  endif()
  list(SORT files)
  set(body "")
  set(i 0)
  foreach(f IN LISTS files)
    if(f MATCHES "(^|/)\\.")
      continue()
    endif()
    file(READ "${DIR}/${f}" hex HEX)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," hex "${hex}")
    string(APPEND body "  static const char f${i}[] = {${hex} 0};\n")
    set(NAME "${f}")
    set(ARRAY "f${i}")
    string(CONFIGURE "${LINE}" line @ONLY)
    string(APPEND body "  ${line}\n")
    math(EXPR i "${i} + 1")
  endforeach()
  set(${OUT_VAR} "${body}" PARENT_SCOPE)
endfunction()

function(write_if_changed OUT CONTENT)
  file(WRITE "${OUT}.tmp" "${CONTENT}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
  file(REMOVE "${OUT}.tmp")
endfunction()
