# Messages: po/LANG.po compiled with GNU gettext's msgfmt into
# BUILD/locale/LANG/LC_MESSAGES/hongfan.mo, where the binary finds them
# (generator/core/i18n.cc). `cmake --build BUILD --target pot` refreshes
# po/hongfan.pot from the sources for translators.
find_program(MSGFMT msgfmt REQUIRED)
find_program(XGETTEXT xgettext REQUIRED)

file(GLOB PO_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/po/*.po)
set(MO_FILES)
foreach(po ${PO_FILES})
  get_filename_component(lang ${po} NAME_WE)
  set(mo ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/hongfan.mo)
  add_custom_command(
    OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${MSGFMT} --check-format --check-header -o ${mo} ${po}
    DEPENDS ${po}
    COMMENT "Compiling the ${lang} message catalogue")
  list(APPEND MO_FILES ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(translations ALL DEPENDS ${MO_FILES})

# The keywords every message is marked with (core/i18n.h).
set(HONGFAN_XGETTEXT_ARGS --language=C++ --from-code=UTF-8 --no-wrap --sort-by-file
    --keyword=_ --keyword=N_ --keyword=tr --keyword=trn:1,2 --package-name=hongfan)
file(GLOB_RECURSE I18N_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/generator/*.cc ${CMAKE_SOURCE_DIR}/generator/*.h)
list(FILTER I18N_SOURCES EXCLUDE REGEX "_test\\.cc$")
add_custom_target(pot
  COMMAND ${XGETTEXT} ${HONGFAN_XGETTEXT_ARGS} -o ${CMAKE_SOURCE_DIR}/po/hongfan.pot ${I18N_SOURCES}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Extracting messages into po/hongfan.pot")
