/*
 * cli.h - subcommands of the `tala` command. Each takes the arguments after
 * its own name and returns the process exit status.
 */
#ifndef TALA_CLI_H
#define TALA_CLI_H

#define TALA_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_USER = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };

int cli_query(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_disasm(int argc, char **argv);
int cli_reference(int argc, char **argv);
/* The table of Strudel's names and their status in tala (docs/strudel.md). */
int cli_reference_strudel(void);
int cli_render(int argc, char **argv);
int cli_loudness(int argc, char **argv);
int cli_replay(int argc, char **argv);
int cli_live(int argc, char **argv);
int cli_devices(int argc, char **argv);
int cli_midi(int argc, char **argv);
int cli_plugins(int argc, char **argv);
/* tala sounds [NAME]: the sound library, or one of its names. */
int cli_sounds(int argc, char **argv);
int cli_help_name(const char *name);

#include <stddef.h>
#include <stdbool.h>
/* Safe mode (--safe, TALA_SAFE=1): no native code, no files but those named
 * on the command line, sample folders only under the working directory. */
extern bool cli_safe;
/* The help of a name (a function, control, statement, unit generator or
 * instrument) with its example; false when tala knows no such name. */
bool cli_help_text(const char *name, char *out, size_t n);
/* The text of a help topic (start, mini, patterns, notes, sound, mix, ...),
 * NULL when there is none; their names as one line. */
const char *cli_help_topic(const char *name);
void cli_help_topics(char *out, size_t n);
/* The runnable example of a builtin, statement or instrument. */
bool cli_example_of(const char *name, char *out, size_t n);
/* The builtins whose name or doc has word (case aside), one a line with the
 * doc's first sentence: names first; returns how many. */
int cli_search(const char *word, char *out, size_t n);
/* Parses a number option's value in [lo, hi], or says what it needs. */
bool cli_num_arg(const char *opt, const char *v, double lo, double hi, double *out);
/* The folder a file is in ("." for a bare name). */
void cli_folder_of(const char *file, char *out, size_t n);
/* The largest source file tala reads (4 MiB: hours of live code). */
#define CLI_MAX_SOURCE (4 << 20)
/* Reads a whole source file (malloc'd, NUL after the last byte), or prints why
 * not and returns NULL: a folder, a file over CLI_MAX_SOURCE, NUL bytes. */
char *cli_read_file(const char *path, size_t *len);

/* Whether a pattern argument is a tala expression (it has '"', or starts
 * with a defined name and '(' or '.') rather than mini-notation. */
struct Vm;
bool cli_is_expression(struct Vm *vm, const char *text);

/* The program in path evaluated as `tala query --file` and `tala show --file`
 * need it: a session that plays nothing, its samples listed, not read. NULL
 * with the error said and *status set (1: the program's, 3: the machine's). */
struct Session;
struct Session *cli_offline_session(const char *path, int *status);
/* Every track the session plays, merged into one pattern (silence when none
 * does); *ntracks says how many. */
struct ObjPattern;
struct ObjPattern *cli_program_pattern(struct Session *s, int *ntracks);

#endif
