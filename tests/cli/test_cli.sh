#!/usr/bin/env bash
# test_cli.sh TALA - the `tala` command as a user meets it: exact output,
# exit statuses (0 ok, 1 user error, 2 usage), error text with caret.
tala=${1:?usage: test_cli.sh path/to/tala}
pass=0
fail=0
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

# expect NAME STATUS EXPECTED_STDOUT -- ARGS...
expect() {
    local name=$1 status=$2 want=$3
    shift 4
    local rc=0
    "$tala" "$@" >"$out" 2>"$err" || rc=$?
    if [ "$rc" != "$status" ]; then
        echo "FAIL $name: exit $rc, wanted $status"; sed 's/^/    /' "$err" | head -5
        fail=$((fail + 1)); return
    fi
    if [ "$want" != "*" ] && [ "$(cat "$out")" != "$want" ]; then
        echo "FAIL $name: stdout differs"; diff <(echo "$want") "$out" | head -10 | sed 's/^/    /'
        fail=$((fail + 1)); return
    fi
    pass=$((pass + 1))
}

# expect_err NAME PATTERN_IN_STDERR: checks the last command's stderr
expect_err() {
    if grep -qF -- "$2" "$err"; then pass=$((pass + 1)); else
        echo "FAIL $1: stderr lacks '$2'"; sed 's/^/    /' "$err" | head -5; fail=$((fail + 1)); fi
}

expect "acceptance bd*2 sn" 0 $'0 1/4 bd\n1/4 1/2 bd\n1/2 1 sn' -- query --cycles 0:1 'bd*2 sn'
expect "default cycles are 0:4" 0 $'0 1 bd\n1 2 bd\n2 3 bd\n3 4 bd' -- query bd
expect "--cycles=A:B form" 0 $'1 2 bd' -- query --cycles=1:2 bd
expect "negative and fractional range" 0 $'-1/2 0 sn\n0 1/2 bd' -- query --cycles -1/2:1/2 'bd sn'
expect "value order is bytewise" 0 $'0 1 a\n0 1 b' -- query --cycles 0:1 '[b, a]'
expect "rest-only pattern prints nothing" 0 "" -- query '~ ~'
expect "word:index" 0 $'0 1/2 bd:3\n1/2 1 sn:1' -- query --cycles 0:1 'bd:3 sn:1'
expect "numbers print as JavaScript does" 0 $'0 1/4 1\n1/4 1/2 0.5\n1/2 3/4 -4.5\n3/4 1 0' -- query --cycles 0:1 '1.0 0.50 -4.50 -0'

expect "unclosed bracket" 1 "" -- query 'bd [sn'
expect_err "error names line:col" "<query>:1:4: unclosed '[' (opened here)"
expect_err "error shows the source line" "  bd [sn"
expect_err "error shows a caret" "     ^"
expect "query-time error" 1 "" -- query 'bd*x'
expect_err "query-time error is positioned" "<query>:1:3: expected a number here, got 'x'"
expect "euclid with too many pulses" 1 "" -- query 'bd(5,3)'
expect_err "euclid error" "more pulses than steps"

expect "no pattern" 2 "" -- query
expect "bad range" 2 "" -- query --cycles 4:0 bd
expect "range without colon" 2 "" -- query --cycles 4 bd
expect "unknown option" 2 "" -- query --frobnicate bd
expect "two patterns" 2 "" -- query bd sn
expect "unknown command" 2 "" -- frobnicate
# no command: the REPL; with stdin at its end it leaves at once (HOME moved:
# the session log and history go to a scratch folder)
home=$(mktemp -d)
if HOME=$home "$tala" </dev/null >"$out" 2>"$err" && grep -q "playing on" "$err" &&
    ls "$home"/.local/share/tala/sessions/*.tala-session >/dev/null 2>&1; then
    pass=$((pass + 1))
else
    echo "FAIL no command: the REPL did not start and leave cleanly"; sed 's/^/    /' "$err" | head -5
    fail=$((fail + 1))
fi
rm -rf "$home"
expect "unknown option" 2 "" -- --frobnicate
expect "help" 0 "*" -- help
expect "version" 0 "*" -- --version

# expressions (the language)
expect "expression acceptance" 0 $'0 1/4 sn\n1/4 1/2 bd\n1/2 3/4 sn\n3/4 1 bd\n1 5/4 bd\n5/4 3/2 sn\n3/2 7/4 bd\n7/4 2 sn' -- query --cycles 0:2 '"bd sn".fast(2).every(2, rev)'
expect "records print sorted" 0 $'0 1/2 gain=0.5 s=bd\n1/2 1 gain=0.5 s=sn' -- query --cycles 0:1 's("bd sn").gain(0.5)'

# query --file: a whole program's tracks, merged in the same format; muted tracks left out;
# its tempo as cycles a second on stderr
qdir=$(mktemp -d)
cat >"$qdir/song.tala" <<'TALA'
tempo 90
drums = s("bd sn")
bass = note("<c2 g1>").s("sine")
ghost = s("hh*4")
mix ghost { mute: true }
play drums, bass, ghost
TALA
expect "query --file merges the tracks that play" 0 $'0 1/2 s=bd\n0 1 note=c2 s=sine\n1/2 1 s=sn\n1 3/2 s=bd\n1 2 note=g1 s=sine\n3/2 2 s=sn' -- query --cycles 0:2 --file "$qdir/song.tala"
expect_err "query --file says the tempo in cycles a second" "# cps 0.375"
expect "query --file and a pattern: one or the other" 2 "" -- query --file "$qdir/song.tala" bd
# Strudel's tempo functions: setcps (and setCps) in cycles a second, setcpm a minute
printf 'setcps(0.5)\nx = s("bd")\nplay x\n' >"$qdir/cps.tala"
expect "setcps(0.5)" 0 $'0 1 s=bd' -- query --cycles 0:1 --file "$qdir/cps.tala"
expect_err "setcps(0.5) is 0.5 cycles a second (tempo 120)" "# cps 0.5"
printf 'setcpm(45)\nx = s("bd")\nplay x\n' >"$qdir/cpm.tala"
expect "setcpm(45)" 0 $'0 1 s=bd' -- query --cycles 0:1 --file "$qdir/cpm.tala"
expect_err "setcpm(45) is 0.75 cycles a second" "# cps 0.75"
printf 'setCps(0)\nx = s("bd")\nplay x\n' >"$qdir/zero.tala"
expect "setCps(0) is an error" 1 "" -- query --file "$qdir/zero.tala"
expect_err "setCps(0) says what it takes" "setCps takes a number of cycles a second above 0"
printf 'x = s("bd" +)\nplay x\n' >"$qdir/bad.tala"
expect "query --file of a program with an error" 1 "" -- query --file "$qdir/bad.tala"
rm -rf "$qdir"
expect "a defined name followed by ( is an expression" 0 $'0 1/4 0\n1/4 1/2 1\n1/2 3/4 2\n3/4 1 3' -- query --cycles 0:1 'run(4)'
expect "a bare name is mini-notation" 0 $'0 1 saw' -- query --cycles 0:1 'saw'
expect "a function is not a pattern" 1 "" -- query 'fast(2)'
expect_err "says what to add" "not a pattern"

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -f "$out" "$err"; rm -rf "$tmp"' EXIT
printf 'tempo 120\ndrums = s("bd*2 sn")\nplay drums\n' > "$tmp/ok.tala"
printf 'drums = s("bd").fsat(2)\n' > "$tmp/bad.tala"
expect "check a good file" 0 "" -- check "$tmp/ok.tala"
expect "check a broken file" 1 "" -- check "$tmp/bad.tala"
expect_err "check names file:line:col" "bad.tala:1:17: unknown function 'fsat'"
expect_err "check gives a hint" "hint: did you mean 'fast'?"
expect "check a missing file" 1 "" -- check "$tmp/nope.tala"
expect "check needs a file" 2 "" -- check
expect "disasm shows bytecode" 0 "*" -- disasm "$tmp/ok.tala"
if grep -q "DEF_GLOBAL" "$out" && grep -q "drums = s" "$out"; then pass=$((pass + 1)); else
    echo "FAIL disasm output lacks instructions or source lines"; fail=$((fail + 1)); fi
expect "help for a function" 0 "*" -- help every
expect "help for an unknown function" 1 "" -- help nosuch

# tala show: three patterns drawn as grids, as the golden text in tests/cli/show/ says
# (a drum pattern with quiet notes, held chords, a melody with an echo a 16th later)
expect "show drums" 0 "$(cat "$here/show/drums.txt")" -- show 's("bd(3,8), hh*8, ~ sn").gain("1 0.3")'
expect "show chords" 0 "$(cat "$here/show/chords.txt")" -- show 'note("<[c3,e3,g3] [a2,c3,e3]>@3 [g3 b3]").s("piano")' --cycles 2
expect "show melody" 0 "$(cat "$here/show/melody.txt")" -- show 'n("0 2 4 <7 9>".off(1/8, add(7))).scale("C:minor").s("pluck")' --cycles 2
expect "show mini-notation" 0 $'   1    2\nbd |x.x.|x.x.|\nsn |.x..|.x.x|\n4 steps a cycle' -- show 'bd sn bd ~, ~ ~ ~ <~ sn>' --cycles 2
expect "show silence" 0 "nothing plays in these cycles (silence)" -- show '~ ~'
expect "show a typo" 1 "" -- show 's("bd").fsat(2)'
expect_err "show a typo names it" "did you mean 'fast'?"
expect "show needs a pattern" 2 "" -- show
expect "show --cycles range" 2 "" -- show bd --cycles 99
printf 'drums = s("bd*2, hh*4")\nbass = note("c2 ~ eb2 ~").s("bass")\nplay drums, bass\n' >"$tmp/show.tala"
expect "show --file: every track in one grid" 0 $'         1    2\neb2 bass |..x.|..x.|\nc2 bass  |x...|x...|\nbd       |x.x.|x.x.|\nhh       |xxxx|xxxx|\n4 steps a cycle' -- show --file "$tmp/show.tala"

# --plot: a PNG of the size asked for (its IHDR), next to the render
expect "render --plot" 0 "" -- render --pattern 's("bd*4, hh*8")' -o "$tmp/p.wav" --bars 2 --plot "$tmp/p.png" --plot-size 640x400
expect_err "render --plot says so" "plotted $tmp/p.png: 640x400"
if [ "$(od -An -tx1 -j12 -N12 "$tmp/p.png" | tr -d ' \n')" = 494844520000028000000190 ]; then
    pass=$((pass + 1)); else echo "FAIL --plot: not a 640x400 PNG"; fail=$((fail + 1)); fi
expect "--plot-size out of range" 2 "" -- render --pattern 's("bd")' -o "$tmp/p.wav" --plot "$tmp/p.png" --plot-size 10x10
expect "--plot without a file" 2 "" -- render --pattern 's("bd")' -o "$tmp/p.wav" --plot

# every unit generator's help has an example that checks (as a program with a note
# played through it, or the chain it belongs in)
for u in $(sed -n 's/^ *X([A-Z0-9_]*, "\([a-z0-9_]*\)", UG_.*/\1/p' "$here/../../spec/ugens.h"); do
    ex=$("$tala" help "$u" | sed -n '/(a unit generator/,$p' | sed -n 's/^  example: //p' | head -1)
    { [ -n "$ex" ] && printf '%s\nd = note("c3 e3").s("%s")\nplay d\n' "$ex" \
        "$(sed -n 's/^synth \([a-z]*\)(.*/\1/p' <<<"$ex" | grep . || echo piano)" >"$tmp/ug.tala" &&
        "$tala" check "$tmp/ug.tala" >/dev/null 2>&1; } && pass=$((pass + 1)) ||
        { echo "FAIL help $u: its example does not check: $ex"; fail=$((fail + 1)); }
done

# tala help: a topic, and a near name for a typo; tala check says when nothing plays
expect "help TOPIC" 0 "*" -- help mini
grep -q "bd(3,8)   3 hits over 8" "$out" && pass=$((pass + 1)) || { echo "FAIL help mini: not the topic"; fail=$((fail + 1)); }
expect "help connect" 0 "*" -- help connect
grep -q "tala song.tala --listen 7770" "$out" && grep -q "docs/connect.md" "$out" && pass=$((pass + 1)) ||
    { echo "FAIL help connect: not the topic"; fail=$((fail + 1)); }
expect "help of a typo" 1 "" -- help fsat
expect_err "help of a typo suggests" "named 'fsat'; did you mean 'fast'?"
printf 'd = s("bd")\n' >"$tmp/noplay.tala"
expect "check a program that plays nothing" 0 "" -- check "$tmp/noplay.tala"
expect_err "and says so" "noplay.tala: warning: nothing plays: name the patterns in play"

# rendering: usage errors, a pattern, the examples (checked, deterministic, no NaN, under 0 dBFS)
expect "render needs an output" 2 "" -- render --pattern 's("bd")'
expect "render needs a source" 2 "" -- render -o "$tmp/x.wav"
expect "render rejects a bad rate" 2 "" -- render --pattern 's("bd")' -o "$tmp/x.wav" --rate 5
expect "render rejects a bad format" 2 "" -- render --pattern 's("bd")' -o "$tmp/x.wav" --format mp3
expect "render a broken file" 1 "" -- render "$tmp/bad.tala" -o "$tmp/x.wav"
expect "render a pattern" 0 "" -- render --pattern 's("bd*4, hh*8")' --tempo 128 -o "$tmp/p.wav" --bars 1
if [ -s "$tmp/p.wav" ] && grep -q "wrote .*1.875 s" "$err"; then pass=$((pass + 1)); else
    echo "FAIL render --pattern did not write 1.875 s (one bar at 128 bpm)"; fail=$((fail + 1)); fi
expect "an unknown vowel is a warning, once" 0 "" -- render --pattern 's("bd*4").vowel("<x a>")' -o "$tmp/v.wav" --bars 2
expect_err "the warning names the vowel and the known ones" "no vowel 'x' (a e i o u ae aa oe ue y uh un en an on)"
if [ "$(grep -c "no vowel" "$err")" = 1 ]; then pass=$((pass + 1)); else
    echo "FAIL the unknown vowel was reported $(grep -c "no vowel" "$err") times"; fail=$((fail + 1)); fi
printf 'master = coarse(4)\nx = s("bd")\nplay x\n' > "$tmp/coarse.tala"
expect "coarse is not a chain effect" 1 "" -- render "$tmp/coarse.tala" -o "$tmp/c.wav" --bars 1
expect_err "the hint says where coarse goes" "coarse and vowel go on notes"
expect "render stems" 0 "" -- render "$tmp/ok.tala" -o "$tmp/s.wav" --bars 1 --stems "$tmp/stems"
if [ -s "$tmp/stems/drums.wav" ]; then pass=$((pass + 1)); else
    echo "FAIL --stems wrote no drums.wav"; fail=$((fail + 1)); fi
# loudness (EBU R128, libebur128): EBU Tech 3341's first case, a 1 kHz sine at -23 dBFS on
# both channels (0.1 centred: 0.0707 a side), measures -23.0 LUFS, range 0 LU, -23.0 dBTP
cat >"$tmp/ref.tala" <<'EOF2'
synth ref(freq, gate) = sine(1000) * 0.1
note("c4").s("ref").gain(1).slow(8)
EOF2
expect "render the loudness reference" 0 "" -- render "$tmp/ref.tala" -o "$tmp/ref.wav" --bars 8
expect_err "it measures -23 LUFS" "loudness -23.0 LUFS integrated, range 0.0 LU, true peak -23.0 dBTP"
# --no-loudness: the same samples, no measurement (no loudness line); mastering needs one
expect "render --no-loudness" 0 "" -- render "$tmp/ref.tala" -o "$tmp/ref2.wav" --bars 8 --no-loudness
if grep -q "loudness" "$err"; then echo "FAIL --no-loudness still measured: $(cat "$err")"; fail=$((fail + 1))
else pass=$((pass + 1)); fi
expect_err "--no-loudness still says peak and RMS" "peak -23.0 dBFS, RMS -26.0 dBFS"
if cmp -s "$tmp/ref.wav" "$tmp/ref2.wav"; then pass=$((pass + 1)); else
    echo "FAIL --no-loudness wrote other samples"; fail=$((fail + 1)); fi
expect "--no-loudness with --lufs is a usage error" 2 "" -- render "$tmp/ref.tala" -o "$tmp/m.wav" --lufs -14 --no-loudness
expect_err "it says why" "--lufs and --true-peak measure the loudness: leave out --no-loudness"
# libraries only some runs need are opened when first used (spec/lazylib.h): a plain render
# maps none of them (no PortAudio, RtMidi or C++ library either); a plot maps cairo and FFTW,
# a MIDI file libsmf, a General MIDI note FluidSynth (and what it needs)
lazy='libfluidsynth|libcairo|libfftw3f|libsmf|libxml2|libportaudio|librtmidi|libstdc\+\+'
ldd "$tala" | grep -q libasan && lazy=${lazy%|*} # (the sanitizer's runtime needs libstdc++)
loaded() { LD_DEBUG=files "$tala" "$@" 2>&1 | grep -oE "file=($lazy)[^ ]*" | sed 's/file=//; s/\.so.*//' | sort -u | tr '\n' ' '; }
got=$(loaded render "$tmp/ref.tala" -o "$tmp/l.wav" --bars 1)
if [ -z "$got" ]; then pass=$((pass + 1)); else echo "FAIL a plain render loaded: $got"; fail=$((fail + 1)); fi
got=$(loaded render "$tmp/ref.tala" -o "$tmp/l.wav" --bars 1 --plot "$tmp/l.png" --midi "$tmp/l.mid")
if [ "$got" = "libcairo libfftw3f libsmf " ]; then pass=$((pass + 1)); else
    echo "FAIL --plot and --midi loaded '$got', wanted cairo, fftw3f and smf"; fail=$((fail + 1)); fi
# Link is a module beside the binary (tala-link.so): a tala without it says so
mkdir -p "$tmp/lonely" && cp "$tala" "$tmp/lonely/tala"
rc=0; "$tmp/lonely/tala" "$tmp/ref.tala" --link --no-audio --seconds 1 --no-log 2>"$err" >/dev/null || rc=$?
if [ "$rc" = 3 ] && grep -q "Ableton Link is in tala-link.so, built beside the tala binary" "$err"; then
    pass=$((pass + 1)); else echo "FAIL --link without tala-link.so: exit $rc, $(cat "$err")"; fail=$((fail + 1)); fi
got=$(loaded render --pattern 'note("c").s("gm_piano")' -o "$tmp/l.wav" --bars 1)
if [ "${got#libfluidsynth }" != "$got" ]; then pass=$((pass + 1)); else
    echo "FAIL a General MIDI note loaded '$got', wanted fluidsynth"; fail=$((fail + 1)); fi
# mastering: --lufs turns it up 9 dB (nothing to limit); --true-peak holds it at -8 dBTP,
# where -5 LUFS cannot be reached (a warning says so); --bits
expect "render --lufs -14" 0 "" -- render "$tmp/ref.tala" -o "$tmp/m.wav" --bars 8 --lufs -14
expect_err "it measures -14 LUFS" "loudness -14.0 LUFS integrated, range 0.0 LU, true peak -14.0 dBTP"
expect_err "it says the gain" "mastered: gain +9.00 dB into the true-peak limiter, which took up to 0.0 dB"
expect "render --lufs -5 --true-peak -8" 0 "" -- render "$tmp/ref.tala" -o "$tmp/m.wav" --bars 8 --lufs -5 --true-peak -8 --bits 16
expect_err "the limiter holds -8 dBTP" "true peak -8.1 dBTP"
expect_err "... and says the target was not reached" "warning: -5.0 LUFS was not reached"
if [ "$(soxi -b "$tmp/m.wav")" = 16 ]; then pass=$((pass + 1)); else
    echo "FAIL --bits 16 wrote $(soxi -b "$tmp/m.wav") bits"; fail=$((fail + 1)); fi
expect "render --bits 24 to flac" 0 "" -- render "$tmp/ref.tala" -o "$tmp/m.flac" --bars 1 --bits 24
if [ "$(soxi -b "$tmp/m.flac")" = 24 ]; then pass=$((pass + 1)); else
    echo "FAIL --bits 24 wrote $(soxi -b "$tmp/m.flac") bits"; fail=$((fail + 1)); fi
expect "tala loudness reads it back" 0 "$tmp/m.wav: -8.1 LUFS integrated, range 0.0 LU, true peak -8.1 dBTP, peak -8.1 dBFS (16.0 s, 2 channels, 48000 Hz)" -- loudness "$tmp/m.wav"
expect "tala loudness of no file" 1 "" -- loudness "$tmp/none.wav"
expect "tala loudness needs a file" 2 "" -- loudness
expect "--bits 12 is a usage error" 2 "" -- render "$tmp/ref.tala" -o "$tmp/m.wav" --bits 12
expect "--bits 32f is not for flac" 2 "" -- render "$tmp/ref.tala" -o "$tmp/m.flac" --bits 32f
expect_err "it says what FLAC holds" "FLAC holds 16 or 24 bits, not 32f"
expect "--lufs out of range" 2 "" -- render "$tmp/ref.tala" -o "$tmp/m.wav" --lufs 3
expect "--bypass-master with --lufs" 2 "" -- render "$tmp/ref.tala" -o "$tmp/m.wav" --bypass-master --lufs -14

# arranging: a song of scenes renders for its arrangement's length; a scene must hold patterns
cat >"$tmp/form.tala" <<'EOF2'
beat = s("bd*4, ~ sn")
intro = { bass: note("c2 g1").s("saw") }
verse = { drums: beat, bass: note("c2 eb2").s("saw") }
song = arrange([2, intro], [4, verse], [2, intro])
play song
EOF2
expect "render an arrangement" 0 "" -- render "$tmp/form.tala" -o "$tmp/form.wav"
expect_err "its length is the form's" "rendering the arrangement: 8 cycles in 3 sections (intro, verse, intro)"
expect_err "8 cycles at 120 bpm" "wrote $tmp/form.wav: 16.000 s, 2 tracks"
# takes: a program folder's takes/NAME-N.wav play as NAME:N (a render has no input: record()
# says so and plays what was recorded before)
mkdir -p "$tmp/song/takes"
sox -n -r 48000 -c 2 "$tmp/song/takes/vox-0.wav" synth 0.5 sine 440 gain -6 2>/dev/null
sox -n -r 48000 -c 2 "$tmp/song/takes/vox-1.wav" synth 0.5 sine 660 gain -6 2>/dev/null
printf 'record("vox", 2)\nv = s("vox:1 ~")\nplay v\n' >"$tmp/song/takes.tala"
expect "render with takes" 0 "" -- render "$tmp/song/takes.tala" -o "$tmp/takes.wav" --bars 1
expect_err "record() without an input says so" "record(\"vox\"): there is no audio input (start tala with --input); nothing is recorded"
if grep -q "peak -[0-9]" "$err" && ! grep -q "peak -inf" "$err"; then pass=$((pass + 1)); else
    echo "FAIL takes/vox-1.wav did not play as vox:1"; sed 's/^/    /' "$err"; fail=$((fail + 1)); fi
mkdir -p "$tmp/notakes/takes"
printf 'd = s("bd")\nplay d\n' >"$tmp/notakes/a.tala"
expect "an empty takes folder" 0 "" -- check "$tmp/notakes/a.tala"
printf 'x = { drums: s("bd"), tempo: 3 }\nplay x\n' >"$tmp/scene.tala"
expect "a scene of a number" 1 "" -- check "$tmp/scene.tala"
expect_err "names the field" "cannot play 'x': its tempo is a number, not a pattern"

for ex in "$here"/../../examples/*.tala "$here"/../../examples/*/*.tala; do
    [ -f "$ex" ] || continue
    name=${ex#"$here"/../../}
    expect "check $name" 0 "" -- check "$ex"
    # (the course's lessons are rendered and measured by tests/course)
    case "$name" in examples/course/*) continue ;; esac
    expect "render $name" 0 "" -- render "$ex" -o "$tmp/a.wav" --bars 4
    if grep -q "NaN\|infinity\|peak [0-9]" "$err" || ! grep -q "peak -" "$err"; then
        echo "FAIL $name: NaN or a peak at or above 0 dBFS"; sed 's/^/    /' "$err"; fail=$((fail + 1))
    else pass=$((pass + 1)); fi
    # determinism is the release build's to show (the golden suite too); the
    # sanitized build (TALA_GC_STRESS set) renders once, for memory errors
    [ -n "${TALA_GC_STRESS:-}" ] && continue
    "$tala" render "$ex" -o "$tmp/b.wav" --bars 4 2>/dev/null
    if cmp -s "$tmp/a.wav" "$tmp/b.wav"; then pass=$((pass + 1)); else
        echo "FAIL $name: two renders differ"; fail=$((fail + 1)); fi
done

# the benchmark workloads are tala programs too: they check, and a second of each renders
for w in "$here"/../../bench/tala/*.tala; do
    [ -f "$w" ] || continue
    name=${w#"$here"/../../}
    expect "check $name" 0 "" -- check "$w"
    # (sanitized, W1's 512 oscillators take half a minute a second: its check is enough)
    [ -n "${TALA_GC_STRESS:-}" ] && [ "$(basename "$w")" = w1_osc_bank.tala ] && continue
    expect "render $name" 0 "" -- render "$w" -o "$tmp/w.wav" --seconds 1
done

# tala replay: a session log, hand-written, renders; the same log twice is the same
# bytes; something that is not a log is the user's error (status 1)
printf 'tala-session 1\nopts rate 48000 voices 256 tempo 120\neval 0 2 - set.tala\nd = s("bd*4")\nplay d\neval 3/2 1 - <repl>\nd = s("bd sn")\nend 192000\n' >"$tmp/s.tala-session"
expect "replay a session log" 0 "" -- replay "$tmp/s.tala-session" -o "$tmp/r1.wav" --plot "$tmp/r1.png"
expect_err "replay --plot draws it" "plotted $tmp/r1.png: 1200x720"
expect "replay it again" 0 "" -- replay "$tmp/s.tala-session" -o "$tmp/r2.wav"
if cmp -s "$tmp/r1.wav" "$tmp/r2.wav" && [ "$(stat -c %s "$tmp/r1.wav")" -gt 1500000 ]; then
    pass=$((pass + 1))
else
    echo "FAIL replay: not the same bytes twice, or not 4 s long"; fail=$((fail + 1))
fi
printf 'drums = s("bd")\n' >"$tmp/not-a-log"
expect "replay of something else" 1 "" -- replay "$tmp/not-a-log" -o "$tmp/r3.wav"
expect_err "replay of something else says so" "not a tala session log"
expect "replay needs -o" 2 "" -- replay "$tmp/s.tala-session"
# a damaged or foreign log is refused with its line, never read as something else
printf 'tala-session 1\nopts rate 48000 voices 256 tempo 120\neval 0 1 - x\nd = s("bd")\nend -1\n' >"$tmp/neg.tala-session"
expect "replay of 'end -1' (D6)" 1 "" -- replay "$tmp/neg.tala-session" -o "$tmp/r4.wav"
expect_err "end -1 is a bad end record" "neg.tala-session:5: bad end record: end -1"
if [ -e "$tmp/r4.wav" ]; then echo "FAIL end -1 left a file"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
printf 'tala-session 1\nopts rate 48000 voices 256 tempo 120\nend 999999999999\n' >"$tmp/long.tala-session"
expect "replay of an end past a day" 1 "" -- replay "$tmp/long.tala-session" -o "$tmp/r4.wav"
printf 'tala-session 99\n' >"$tmp/v99.tala-session"
expect "replay of version 99" 1 "" -- replay "$tmp/v99.tala-session" -o "$tmp/r4.wav"
expect_err "version 99 is another version" "v99.tala-session:1: a session log of another version (99)"
printf 'tala-session 1\nopts rate 0 voices 256 tempo 120\n' >"$tmp/rate0.tala-session"
expect "replay of 'opts rate 0'" 1 "" -- replay "$tmp/rate0.tala-session" -o "$tmp/r4.wav"
expect_err "rate 0 is bad options" "rate0.tala-session:2: bad options: opts rate 0"

# a file that ends with a bare pattern plays it (Strudel's REPL plays the last value)
printf 'x = s("bd*2")\nplay x\ns("hh*4").gain(0.5)\n' >"$tmp/bare.tala"
expect "a bare pattern plays beside play's tracks" 0 "" -- render "$tmp/bare.tala" -o "$tmp/r9.wav" --bars 1 --stems "$tmp/bstems"
if [ -s "$tmp/bstems/anonymous.wav" ] && [ -s "$tmp/bstems/x.wav" ]; then pass=$((pass + 1)); else
    echo "FAIL the anonymous track has no stem (anonymous.wav)"; fail=$((fail + 1)); fi

# the output's extension decides its format; one tala cannot write, or one that contradicts
# --format, is a usage error (live trust, defect 6)
printf 'x = s("bd*4")\nplay x\n' >"$tmp/fmt.tala"
expect "render to .flac" 0 "" -- render "$tmp/fmt.tala" -o "$tmp/o.flac" --bars 1
if file "$tmp/o.flac" | grep -q FLAC; then pass=$((pass + 1)); else
    echo "FAIL -o x.flac wrote: $(file "$tmp/o.flac")"; fail=$((fail + 1)); fi
expect "render to .ogg" 0 "" -- render "$tmp/fmt.tala" -o "$tmp/o.ogg" --bars 1
if file "$tmp/o.ogg" | grep -q Vorbis; then pass=$((pass + 1)); else
    echo "FAIL -o x.ogg wrote: $(file "$tmp/o.ogg")"; fail=$((fail + 1)); fi
expect "an extension tala cannot write" 2 "" -- render "$tmp/fmt.tala" -o "$tmp/o.xyz" --bars 1
expect_err "names the formats" "cannot write .xyz files (tala writes wav, flac, ogg"
expect "an extension against --format" 2 "" -- render "$tmp/fmt.tala" -o "$tmp/o.flac" --format wav
expect_err "says they disagree" "o.flac ends in .flac but --format says wav"
expect "--record to an unknown extension" 2 "" -- "$tmp/fmt.tala" --no-audio --no-log --record "$tmp/r.xyz" --seconds 1

# every WAV tala writes opens in sox without a warning (a float WAV's fmt chunk has its
# cbSize): the render, its stems and a live recording
expect "render to .wav" 0 "" -- render "$tmp/fmt.tala" -o "$tmp/o.wav" --bars 1 --stems "$tmp/ostems"
expect "record to .wav" 0 "*" -- "$tmp/fmt.tala" --no-audio --no-log --record "$tmp/rec.wav" --seconds 1
for w in "$tmp/o.wav" "$tmp/ostems/x.wav" "$tmp/rec.wav"; do
    if sox "$w" -n stat 2>&1 | grep -q "Samples read" && ! sox "$w" -n stat 2>&1 | grep -qi warn; then
        pass=$((pass + 1)); else echo "FAIL sox warns on $w:"; sox "$w" -n stat 2>&1 | head -3
        fail=$((fail + 1)); fi
done

# a disk that fills: exit 1 with the reason, and no partial file (reliability)
expect "render to /dev/full" 1 "" -- render "$tmp/fmt.tala" -o /dev/full --bars 1
expect_err "says it cannot write" "cannot write /dev/full"
rc=0
(trap '' XFSZ; ulimit -f 64; exec "$tala" render "$tmp/fmt.tala" -o "$tmp/big.wav" --bars 8) \
    >"$out" 2>"$err" || rc=$?
if [ "$rc" = 1 ] && [ ! -e "$tmp/big.wav" ]; then pass=$((pass + 1)); else
    echo "FAIL a render that fills the disk: exit $rc, file kept: $(ls "$tmp/big.wav" 2>&1)"
    fail=$((fail + 1)); fi
expect_err "and says so" "is the disk full? nothing was kept"

# an unknown sound suggests the near ones (live trust, defect 4)
printf 'x = note("c3 e3").s("sawtoth")\nplay x\n' >"$tmp/near.tala"
expect "an unknown sound renders (silent)" 0 "" -- render "$tmp/near.tala" -o "$tmp/r10.wav" --bars 1
expect_err "and suggests near names" "near.tala:1:22: warning: no sound named 'sawtoth': its events are silent"
expect_err "near names in the hint" "hint: did you mean sawtooth, saw?"

# check reports what a render would (live trust, defect 5): n with 17 arguments
printf 'x = n(0, 2, 4, 5, 7, 9, 11, 12, 14, 16, 17, 19, 21, 23, 24, 26, 28).s("pluck")\nplay x\n' >"$tmp/n17.tala"
expect "check n(17 arguments)" 1 "" -- check "$tmp/n17.tala"
expect_err "with the render's message" "n17.tala:1:5: n takes 1 argument, got 17"

# a note name that is none is silent with a warning, not a wrong pitch
printf 'x = note("c3 xx").s("saw")\nplay x\n' >"$tmp/nn.tala"
expect "a wrong note name renders" 0 "" -- render "$tmp/nn.tala" -o "$tmp/r11.wav" --bars 1
expect_err "and says which, where" "nn.tala:1:14: warning: no note named 'xx': those events are silent"

# an unknown scale drops its notes, as in Strudel, but says so with the nearest name
expect "an unknown scale plays nothing" 0 "" -- query --cycles 0:1 'n("0 2 4").scale("C:minorr")'
expect_err "and warns where, with the nearest name" "<query>:1:12: warning: unknown scale 'C:minorr': its notes are dropped"
expect_err "the hint names it" "did you mean C:minor?"
printf 'x = n("0 2").scale("<C:major D:dorain>")\nplay x\n' >"$tmp/sc.tala"
expect "check a patterned unknown scale" 0 "" -- check "$tmp/sc.tala"
expect_err "check warns at the call" "sc.tala:1:14: warning: unknown scale 'D:dorain'"

# a log cut inside a block (a crash while writing) replays what came before it (D7)
printf 'tala-session 1\nopts rate 48000 voices 256 tempo 120\neval 0 2 - set.tala\nd = s("bd*4")\nplay d\neval 1 3 - <repl>\nd = s("bd sn")\n' >"$tmp/cut.tala-session"
expect "replay a log cut inside a block (D7)" 0 "" -- replay "$tmp/cut.tala-session" -o "$tmp/r6.wav"
expect_err "the cut is named" "cut.tala-session was cut at line 6"
# a session killed with -9 leaves a log that replays to where it got (progress records)
khome=$(mktemp -d)
printf 'd = s("bd*4, hh*8")\nplay d\n' >"$tmp/killed.tala"
HOME=$khome "$tala" "$tmp/killed.tala" --no-audio </dev/null >/dev/null 2>&1 &
kpid=$!
sleep 3.5
kill -9 $kpid 2>/dev/null
wait $kpid 2>/dev/null
klog=$(ls "$khome"/.local/share/tala/sessions/*.tala-session 2>/dev/null | head -1)
if [ -n "$klog" ] && ! grep -q "^end " "$klog" && grep -q "^at " "$klog"; then pass=$((pass + 1)); else
    echo "FAIL kill -9: no log with progress records and without end"; fail=$((fail + 1)); fi
if [ -n "$klog" ]; then
    expect "replay after kill -9 (D7)" 0 "" -- replay "$klog" -o "$tmp/r7.wav"
    expect_err "it replays to where the session got" "no end record; replaying the"
    len=$(sox "$tmp/r7.wav" -n stat 2>&1 | awk '/Length/ { print int($3) }')
    if [ "${len:-0}" -ge 2 ]; then pass=$((pass + 1)); else
        echo "FAIL replay after kill -9 is ${len:-0} s long, wanted the 2-3 s played"; fail=$((fail + 1)); fi
fi
rm -rf "$khome"

# an unreadable sample says why; a log naming a folder that is gone still replays (D8)
mkdir -p "$tmp/smp/x"
head -c 3000 /dev/urandom >"$tmp/smp/x/bad.wav"
printf "samples('smp')\nx = s(\"x:0\")\nplay x\n" >"$tmp/smp.tala"
expect "a folder with a corrupt sample renders" 0 "" -- render "$tmp/smp.tala" -o "$tmp/r8.wav" --bars 1
expect_err "the corrupt sample's reason" "cannot read $tmp/smp/x/bad.wav: Format not recognised."
printf 'tala-session 1\nopts rate 48000 voices 256 tempo 120\nsamples /nonexistent/folder\neval 0 2 - set.tala\nd = s("bd*4")\nplay d\nend 48000\n' >"$tmp/gone.tala-session"
expect "replay of a log whose samples folder is gone (D8)" 0 "" -- replay "$tmp/gone.tala-session" -o "$tmp/r8.wav"
expect_err "the folder is a warning" "cannot open the samples folder /nonexistent/folder: No such file or directory"
# tala check lists sample folders without reading a sound (defect 5): no warning about the
# corrupt file a render reports, and its set's name is known
expect "check a program with a samples folder" 0 "" -- check "$tmp/smp.tala"
if [ ! -s "$err" ]; then pass=$((pass + 1)); else
    echo "FAIL check read the samples:"; sed 's/^/    /' "$err" | head -3; fail=$((fail + 1)); fi


# long left-leaning chains are bounded like nesting (D2): a positioned error, no crash,
# the source line cut to the error's neighbourhood
awk 'BEGIN { printf "x = 1"; for (i = 0; i < 5000; i++) printf " + 1"; print "" }' >"$tmp/sum.tala"
expect "check a 5,000-term sum (D2)" 1 "" -- check "$tmp/sum.tala"
expect_err "the sum is too deep" "sum.tala:1:797: expression too deep"
if [ "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$err")" -le 140 ]; then
    pass=$((pass + 1))
else
    echo "FAIL a 20 KB line is echoed whole"; fail=$((fail + 1))
fi
awk 'BEGIN { printf "x = s(\"bd\")"; for (i = 0; i < 5000; i++) printf ".fast(1)"; print "\nplay x" }' >"$tmp/chain.tala"
expect "render 5,000 chained calls (D2)" 1 "" -- render "$tmp/chain.tala" -o "$tmp/r5.wav"
expect_err "the chain is too deep" "chain.tala:1:"
# live, the same save is an error the log keeps: its replay plays the code before it
{
    printf 'tala-session 1\nopts rate 48000 voices 256 tempo 120\neval 0 2 - set.tala\nd = s("bd*4")\nplay d\neval 1 2 - set.tala\n'
    cat "$tmp/chain.tala"
    printf 'end 192000\n'
} >"$tmp/chain.tala-session"
expect "replay a log holding the chain (D2)" 0 "" -- replay "$tmp/chain.tala-session" -o "$tmp/r5.wav"
# runaway patterns are errors at their position, checked as a render would, in bounded time
# and memory (D3): tala check queries each track's first 4 cycles
for e in 's("bd*1000000000")' 's("bd(1000000,1000001)")' 's("bd").fast(1e12)' 'segment(1e9, sine)' \
    's("bd").fast(9007199254740993)' 's("bd").every(3, x => x.fast(1e9))'; do
    printf 'x = %s\nplay x\n' "$e" >"$tmp/d3.tala"
    for cmd in check render; do
        args=("$cmd" "$tmp/d3.tala")
        [ $cmd = render ] && args+=(-o "$tmp/d3.wav")
        rc=0
        if [ -n "${ASAN_OPTIONS:-}" ]; then # ASan reserves terabytes of address space
            ASAN_OPTIONS="$ASAN_OPTIONS:hard_rss_limit_mb=1500" timeout 60 "$tala" "${args[@]}" \
                >/dev/null 2>"$err" || rc=$?
        else
            (ulimit -v 1500000; timeout 20 "$tala" "${args[@]}" >/dev/null 2>"$err") || rc=$?
        fi
        if [ "$rc" = 1 ] && grep -q "d3.tala:1:[0-9]*: \(too many events\|euclid\)" "$err"; then
            pass=$((pass + 1))
        else
            echo "FAIL $cmd of $e: exit $rc"; sed 's/^/    /' "$err" | head -3; fail=$((fail + 1))
        fi
    done
done
# sources are files of text and of a bounded size
expect "check a folder (D8)" 1 "" -- check "$tmp"
expect_err "a folder is not a file" "it is a folder, not a file"
printf 'x = s("bd")\0\001 + 1\n' >"$tmp/nul.tala"
expect "render a file with NUL bytes (D9)" 1 "" -- render "$tmp/nul.tala" -o "$tmp/r5.wav"
expect_err "NUL bytes: not a text file, as check says" "not a text file (it contains NUL bytes)"
head -c 5000000 /dev/zero | tr '\0' 'a' >"$tmp/huge.tala"
expect "check a 5 MB source" 1 "" -- check "$tmp/huge.tala"
expect_err "a 5 MB source is too large" "too large for a source (5000000 bytes; at most 4194304)"
# tala devices: lists outputs, or says there are none; never fails for that
expect "devices" 0 "*" -- devices
if grep -q "Hz\|no audio output devices" "$out"; then pass=$((pass + 1)); else
    echo "FAIL devices: neither a list nor 'no audio output devices'"; fail=$((fail + 1)); fi

# every name the language knows has help with a real example, and the example runs
# (live trust, defect 7): statements, unit generators, instruments, controls
for name in tempo play synth bus master mix fn let if reverb delay chorus comp limit lpf saw \
    noise env adsr sawtooth bd pad gain lpf legato room; do
    if ! "$tala" help "$name" >"$out" 2>"$err"; then
        echo "FAIL help $name: exit $?"; fail=$((fail + 1)); continue
    fi
    # each "example:" line: an expression is queried, anything else is a program checked
    ok=1
    while IFS= read -r ex; do
        case "$ex" in
        *" = "*|tempo\ *|play\ *|mix\ *|bus\ *|master\ *|synth\ *|fn\ *) printf '%s\n' "$ex" >"$tmp/ex.tala"
            "$tala" check "$tmp/ex.tala" >/dev/null 2>"$err" || ok=0 ;;
        *) "$tala" query --cycles 0:1 "$ex" >/dev/null 2>"$err" || ok=0 ;;
        esac
        [ $ok = 1 ] || { echo "FAIL the example of $name does not run: $ex"; sed 's/^/    /' "$err" | head -3; break; }
    done < <(sed -n 's/^  example: //p' "$out")
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done

# the generated reference matches the native table
if [ -f "$here/../../docs/reference.md" ] && "$tala" reference | cmp -s - "$here/../../docs/reference.md"; then
    pass=$((pass + 1))
else
    echo "FAIL docs/reference.md is out of date: run build/tala reference > docs/reference.md"
    fail=$((fail + 1))
fi
strudel_doc="$here/../../docs/strudel.md"
if [ -f "$strudel_doc" ] &&
    "$tala" reference --strudel | cmp -s - <(sed '1,/^<!-- generated by tala reference --strudel/d' "$strudel_doc"); then
    pass=$((pass + 1))
else
    echo "FAIL docs/strudel.md's table is out of date: regenerate the part after its marker line with build/tala reference --strudel"
    fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
