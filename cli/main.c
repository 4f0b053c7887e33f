/*
 * main.c - the `tala` command: dispatches to subcommands.
 *
 * Exit status for every command (DESIGN.md): 0 success, 1 an error in the
 * user's code or data, 2 a usage error, 3 an environment error.
 */
#include "cli.h"
#include "listen.h"
#include "show.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f) {
    fprintf(
        f, "usage: tala <command> [options]\n"
           "\n"
           "       tala [FILE] [--watch] [options]   play (and the REPL on a terminal)\n"
           "\n"
           "commands:\n"
           "  query [--cycles A:B] PATTERN   print a pattern's events (default cycles 0:4)\n"
           "  query --file FILE              ... of every track a program plays, merged\n"
           "  render FILE -o OUT.wav         render offline (--bars N, --seconds S, --rate R,\n"
           "                                 --format wav|flac|ogg|mp3, --stems DIR, --tempo BPM,\n"
           "                                 --midi OUT.mid, --bits 16|24|32f, --bypass-master,\n"
           "                                 --plot OUT.png: waveform, spectrogram, loudness,\n"
           "                                 --no-loudness: no EBU R128 measurement)\n"
           "  render FILE -o OUT --lufs -14  ... mastered: normalised to a loudness (EBU R128)\n"
           "                                 through a true-peak limiter (--true-peak -1)\n"
           "  render --pattern EXPR -o OUT   render one expression\n"
           "  replay LOG -o OUT.wav          re-render a recorded live session, bit-exact\n"
           "  loudness FILE...               a sound file's LUFS, loudness range and true peak\n"
           "  show PATTERN [--cycles N]      draw a pattern as a grid: a row per sound or note,\n"
           "                                 a column per step (--file FILE: every track)\n"
           "  check FILE                     run and query 4 cycles, playing nothing; errors as\n"
           "                                 FILE:LINE:COL\n"
           "  disasm FILE                    print the bytecode with its source lines\n"
           "  send [--port [ADDR:]PORT] [--line N] [FILE|-]\n"
           "                                 a block to a tala playing with --listen (port 7770\n"
           "                                 or TALA_PORT); prints the answer (editors use it);\n"
           "                                 --as FILE:LINE (stdin's place), --timeout S,\n"
           "                                 --hush, --tempo BPM, --set TRACK PARAM V, --query\n"
           "  devices                        list audio output devices\n"
           "  midi                           list MIDI input and output ports\n"
           "  plugins [NAME]                 list LV2 plugins, or show one's ports\n"
           "  sounds [NAME]                  the sound library (Dirt names, Sonic Pi, Hydrogen's\n"
           "                                 kits as banks, General MIDI), or what NAME plays\n"
           "  help [NAME|TOPIC]              this text, the help of a name (function, control,\n"
           "                                 statement, unit generator, instrument), or a topic:\n"
           "                                 start mini patterns notes sound mix arrange record\n"
           "                                 master live strudel connect pictures\n"
           "  reference [--strudel]          the function reference (docs/reference.md); with\n"
           "                                 --strudel, Strudel's names in tala (docs/strudel.md)\n"
           "  version                        print the version\n"
           "\n"
           "playing: --device NAME|N, --rate R, --buffer FRAMES, --lookahead MS,\n"
           "  --volume V, --seconds S, --record OUT.wav, --samples DIR, --tempo BPM,\n"
           "  --no-audio (keep time without a device), --no-log,\n"
           "  --rt-priority N (the audio callback's SCHED_FIFO priority where granted: 70; 0 off)\n"
           "  --input (audio input for record(): the device's own), --input=NAME|N (another),\n"
           "  --input-latency MS (the round trip takes are moved by, if not the reported one),\n"
           "  --midi-latency NAME=MS (a MIDI port's messages go out later),\n"
           "  --midi-clock NAME (MIDI clock, 24 a quarter note, to a port: tala is tala's own),\n"
           "  --midi-in NAME (its knobs for cc(NUMBER), its keys for midiin(); repeatable)\n"
           "  --clock midi:NAME (follow the tempo, start and stop of a MIDI clock)\n"
           "  --listen [ADDR:]PORT (OSC from editors, tala send, controllers: 127.0.0.1 unless\n"
           "  an address is given)\n"
           "  --superdirt [HOST:]PORT (every sound event to SuperDirt too, as Tidal sends it;\n"
           "  127.0.0.1:57120), --superdirt-latency MS (200)\n"
           "  --link (an Ableton Link session: tempo, bar phase, start/stop shared with every\n"
           "  peer), --quantum BEATS (4)\n"
           "any command: --safe (or TALA_SAFE=1) for workshops: no native code (ffi), no files\n"
           "  but those the command line names, sample folders only from here down\n"
           "\n"
           "PATTERN is mini-notation, e.g. tala query 'bd*2 [~ sn] <hh oh>',\n"
           "or a tala expression, e.g. tala query '\"bd sn\".fast(2).every(2, rev)'\n");
}

bool cli_safe;

int main(int argc, char **argv) {
    /* safe mode (workshops): --safe anywhere, or TALA_SAFE set (not "0") */
    const char *env = getenv("TALA_SAFE");
    cli_safe = env && *env && strcmp(env, "0") != 0;
    int kept = 1;
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--safe"))
            cli_safe = true;
        else
            argv[kept++] = argv[i];
    argc = kept;
    argv[argc] = NULL;
    if (argc < 2) return cli_live(0, argv + 1); /* the REPL */
    const char *cmd = argv[1];
    if (strcmp(cmd, "devices") == 0) return cli_devices(argc - 2, argv + 2);
    if (strcmp(cmd, "midi") == 0) return cli_midi(argc - 2, argv + 2);
    if (strcmp(cmd, "plugins") == 0) return cli_plugins(argc - 2, argv + 2);
    if (strcmp(cmd, "sounds") == 0) return cli_sounds(argc - 2, argv + 2);
    /* tala FILE ..., tala --option ...: play */
    size_t n = strlen(cmd);
    if ((cmd[0] == '-' && cmd[1] == '-' && strcmp(cmd, "--help") && strcmp(cmd, "--version")) ||
        strchr(cmd, '/') || (n > 5 && strcmp(cmd + n - 5, ".tala") == 0))
        return cli_live(argc - 1, argv + 1);
    if (strcmp(cmd, "query") == 0) return cli_query(argc - 2, argv + 2);
    if (strcmp(cmd, "send") == 0) return cli_send(argc - 2, argv + 2);
    if (strcmp(cmd, "show") == 0) return cli_show(argc - 2, argv + 2);
    if (strcmp(cmd, "check") == 0) return cli_check(argc - 2, argv + 2);
    if (strcmp(cmd, "render") == 0) return cli_render(argc - 2, argv + 2);
    if (strcmp(cmd, "loudness") == 0) return cli_loudness(argc - 2, argv + 2);
    if (strcmp(cmd, "replay") == 0) return cli_replay(argc - 2, argv + 2);
    if (strcmp(cmd, "disasm") == 0) return cli_disasm(argc - 2, argv + 2);
    if (strcmp(cmd, "reference") == 0) return cli_reference(argc - 2, argv + 2);
    if (strcmp(cmd, "help") == 0 && argc == 3) return cli_help_name(argv[2]);
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("tala %s\n", TALA_VERSION);
        return EXIT_OK;
    }
    fprintf(stderr, "tala: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
