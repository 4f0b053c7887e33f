/*
 * midi_dump.c - reads a Standard MIDI File with libsmf and prints it, for
 * tests/io/test_midifile.sh: midi_dump FILE
 *
 *     format F tracks N ppqn P
 *     tempo TICK BPM              (from the tempo map)
 *     TRACK TICK on|off|cc|pc|bend|msg CH B1 B2
 *     name TRACK TEXT
 *
 * Channels print 1..16. Exits 1 when libsmf cannot read the file.
 */
#include <smf.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: midi_dump FILE.mid\n");
        return 2;
    }
    smf_t *smf = smf_load(argv[1]);
    if (!smf) return 1;
    printf("format %d tracks %d ppqn %d\n", smf->format, smf->number_of_tracks, smf->ppqn);
    for (int i = 0;; i++) {
        smf_tempo_t *t = smf_get_tempo_by_number(smf, i);
        if (!t) break;
        printf("tempo %d %.3f\n", t->time_pulses, 60e6 / t->microseconds_per_quarter_note);
    }
    for (int tn = 1; tn <= smf->number_of_tracks; tn++) {
        smf_track_t *tr = smf_get_track_by_number(smf, tn);
        smf_event_t *e;
        while ((e = smf_track_get_next_event(tr)) != NULL) {
            unsigned char *b = e->midi_buffer;
            if (smf_event_is_metadata(e)) {
                if (b[1] == 0x03) printf("name %d %.*s\n", tn, b[2], (const char *)b + 3);
                continue;
            }
            int st = b[0] & 0xF0, ch = (b[0] & 0x0F) + 1;
            const char *kind = st == 0x90 && b[2]         ? "on"
                               : st == 0x80 || st == 0x90 ? "off"
                               : st == 0xB0               ? "cc"
                               : st == 0xC0               ? "pc"
                               : st == 0xE0               ? "bend"
                                                          : "msg";
            printf("%d %d %s %d %d %d\n", tn, e->time_pulses, kind, ch,
                   e->midi_buffer_length > 1 ? b[1] : 0, e->midi_buffer_length > 2 ? b[2] : 0);
        }
    }
    smf_delete(smf);
    return 0;
}
