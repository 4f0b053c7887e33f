/*
 * listen.h - `tala FILE --listen [ADDR:]PORT`: editors and controllers drive
 * a running performance over OSC (docs/editors.md).
 *
 *   /tala/eval s [s i] a block, evaluated as a REPL block is (with its file and
 *                     first line: errors are positioned in the file)
 *   /tala/hush        every track stops
 *   /tala/tempo f     BPM, from the next bar
 *   /tala/set s s f   TRACK PARAMETER VALUE: gain (dB), pan (0..1), mute,
 *                     solo, send.BUS (a fader, from the next event on)
 *   /tala/query       the status line
 *
 * Each is answered with /tala/reply s s: "ok" or "error", and the text
 * (the positioned error, the status line, or nothing).
 */
#ifndef TALA_CLI_LISTEN_H
#define TALA_CLI_LISTEN_H

#include "../engine/live.h"

typedef struct Listen Listen;

/* Starts answering on spec (127.0.0.1 unless an address is given); what
 * arrives that is worth saying (errors, bad packets) goes to say(ud, text)
 * from the listener's thread. NULL with why. */
Listen *listen_open(Live *l, const char *spec, void (*say)(void *, const char *), void *ud,
                    char *why, size_t n);
void listen_close(Listen *ls);
/* "127.0.0.1:7770" */
const char *listen_where(const Listen *ls);

/* tala send [--port [ADDR:]PORT] [--line N | --as FILE:LINE] [FILE|-], or
 * --hush, --tempo BPM, --set TRACK PARAM VALUE, --query: one message to a
 * running tala, its answer printed; exit 1 when the answer is an error, 3
 * when none comes. */
int cli_send(int argc, char **argv);

#endif
