# prelude.cmake - embeds stdlib/prelude.tala (the built-in instruments,
# written in tala) into the binary as a C byte array, tala_prelude_text and
# tala_prelude_len, regenerated whenever the .tala file changes.
# TALA_PRELUDE_SOURCE is the generated C file, to add to a library's sources.
set(TALA_PRELUDE_TALA ${CMAKE_SOURCE_DIR}/stdlib/prelude.tala)
set(TALA_PRELUDE_SOURCE ${CMAKE_BINARY_DIR}/generated/prelude_text.c)
add_custom_command(
  OUTPUT ${TALA_PRELUDE_SOURCE}
  COMMAND ${CMAKE_COMMAND} -DIN=${TALA_PRELUDE_TALA} -DOUT=${TALA_PRELUDE_SOURCE}
          -DNAME=tala_prelude -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
  DEPENDS ${TALA_PRELUDE_TALA} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
  COMMENT "Embedding stdlib/prelude.tala"
  VERBATIM)
