# prelude.cmake - embeds stdlib/prelude.tala (the built-in instruments,
# written in tala) into the binary as a C byte array, tala_prelude_text and
# tala_prelude_len, regenerated whenever the .tala file changes.
# TALA_PRELUDE_SOURCE is the generated C file, to add to the core's sources.
set(TALA_PRELUDE_TALA ${CMAKE_SOURCE_DIR}/stdlib/prelude.tala)
set(TALA_PRELUDE_SOURCE ${CMAKE_BINARY_DIR}/generated/prelude_text.c)
set(TALA_PRELUDE_EMBED ${CMAKE_COMMAND} -DIN=${TALA_PRELUDE_TALA} -DOUT=${TALA_PRELUDE_SOURCE}
    -DNAME=tala_prelude -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake)
# made once now too, so a file(GLOB) of the core's sources finds it
if(NOT EXISTS ${TALA_PRELUDE_SOURCE})
  execute_process(COMMAND ${TALA_PRELUDE_EMBED} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "cannot embed ${TALA_PRELUDE_TALA}")
  endif()
endif()
add_custom_command(
  OUTPUT ${TALA_PRELUDE_SOURCE}
  COMMAND ${TALA_PRELUDE_EMBED}
  DEPENDS ${TALA_PRELUDE_TALA} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
  COMMENT "Embedding stdlib/prelude.tala"
  VERBATIM)
