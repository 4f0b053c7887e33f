/*
 * pty_drive.c - runs a program in a pseudo-terminal and types into it, for
 * the REPL test: pty_drive SCRIPT CMD [ARGS...]
 *
 * SCRIPT lines:  send TEXT     (escapes: \n \t \\ \xHH; Ctrl-C is \x03)
 *                expect TEXT   (waits up to 10 s for TEXT in the output)
 *                sleep MS
 *                signal N      (sends signal N to the program, e.g. 15)
 * Prints everything the program wrote; exits 1 when an expect times out
 * (naming it) and with the program's status otherwise.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stdbool.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *out;
static size_t len, cap;
static int fd;

static void pump(int ms) {
    struct pollfd p = {fd, POLLIN, 0};
    while (poll(&p, 1, ms) > 0) {
        char buf[4096];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) return;
        if (len + (size_t)n + 1 > cap) {
            cap = (len + (size_t)n + 1) * 2;
            out = realloc(out, cap);
        }
        memcpy(out + len, buf, (size_t)n);
        len += (size_t)n;
        out[len] = 0;
        ms = 0;
    }
}

static size_t unescape(const char *s, char *d) {
    size_t n = 0;
    for (; *s && *s != '\n'; s++) {
        if (*s != '\\' || !s[1]) {
            d[n++] = *s;
            continue;
        }
        s++;
        if (*s == 'n')
            d[n++] = '\n';
        else if (*s == 't')
            d[n++] = '\t';
        else if (*s == 'x') {
            unsigned v;
            sscanf(s + 1, "%2x", &v);
            d[n++] = (char)v;
            s += 2;
        } else
            d[n++] = *s;
    }
    return n;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: pty_drive SCRIPT CMD [ARGS...]\n");
        return 2;
    }
    FILE *sc = fopen(argv[1], "r");
    if (!sc) return 2;
    struct winsize ws = {.ws_row = 40, .ws_col = 200};
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    char line[1024], text[1024];
    int status = 0;
    while (fgets(line, sizeof line, sc)) {
        if (!strncmp(line, "send ", 5)) {
            size_t n = unescape(line + 5, text);
            for (size_t i = 0; i < n; i++) { /* typed, not pasted */
                if (write(fd, text + i, 1) != 1) break;
                pump(5);
            }
        } else if (!strncmp(line, "expect ", 7)) {
            size_t n = unescape(line + 7, text);
            text[n] = 0;
            int waited = 0;
            while ((!out || !strstr(out, text)) && waited < 10000) pump(50), waited += 50;
            if (!out || !strstr(out, text)) {
                fwrite(out, 1, len, stdout);
                printf("\npty_drive: timed out waiting for '%s'\n", text);
                kill(pid, 9);
                return 1;
            }
        } else if (!strncmp(line, "signal ", 7)) {
            kill(pid, atoi(line + 7));
            pump(20);
        } else if (!strncmp(line, "sleep ", 6)) {
            int ms = atoi(line + 6);
            for (int t = 0; t < ms; t += 20) pump(20);
        }
    }
    /* up to 10 s for it to leave (by the clock: a closed pty polls at once) */
    bool exited = false;
    for (int t = 0; t < 200 && !exited; t++) {
        pump(10);
        exited = waitpid(pid, &status, WNOHANG) == pid;
        if (!exited) nanosleep(&(struct timespec){0, 50000000}, NULL);
    }
    pump(100);
    fwrite(out, 1, len, stdout);
    if (!exited) {
        printf("\npty_drive: the program did not exit\n");
        kill(pid, 9);
        return 1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
