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
int cli_render(int argc, char **argv);
int cli_replay(int argc, char **argv);
int cli_live(int argc, char **argv);
int cli_devices(int argc, char **argv);
int cli_help_name(const char *name);

#include <stddef.h>
/* Reads a whole file (malloc'd), or prints why not and returns NULL. */
char *cli_read_file(const char *path, size_t *len);

#endif
