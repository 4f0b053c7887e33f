#!/usr/bin/env bash
# test_strudel.sh TALA - Strudel's surface syntax, as strudel.cc's REPL runs a whole
# program: labelled blocks ($:, name:, muted _$: and bass_:, solo S...:), the final bare
# expression, hush(), all/each, .p/.d1, JavaScript's const/let/;/.5/backticks/comments,
# browser-only calls ignored with a note. Events through `tala query --file`.
tala=${1:?usage: test_strudel.sh path/to/tala}
pass=0
fail=0
dir=$(mktemp -d)
out=$dir/out
err=$dir/err
trap 'rm -rf "$dir"' EXIT

# program NAME EXPECTED_STDOUT [CYCLES] <<< SOURCE: runs SOURCE as a .js file
program() {
    local name=$1 want=$2 cycles=${3:-0:1} rc=0
    cat >"$dir/p.js"
    "$tala" query --file "$dir/p.js" --cycles "$cycles" >"$out" 2>"$err" || rc=$?
    if [ $rc != 0 ]; then
        echo "FAIL $name: exit $rc"; sed 's/^/    /' "$err" | head -5
        fail=$((fail + 1)); return
    fi
    if [ "$(cat "$out")" != "$want" ]; then
        echo "FAIL $name: events differ"; diff <(echo "$want") "$out" | head -10 | sed 's/^/    /'
        fail=$((fail + 1)); return
    fi
    pass=$((pass + 1))
}

# fails NAME TEXT_IN_STDERR <<< SOURCE: the program is refused with that text
fails() {
    cat >"$dir/p.js"
    if "$tala" query --file "$dir/p.js" --cycles 0:1 >"$out" 2>"$err"; then
        echo "FAIL $1: accepted"; fail=$((fail + 1)); return
    fi
    if grep -qF -- "$2" "$err"; then pass=$((pass + 1)); else
        echo "FAIL $1: stderr lacks '$2'"; sed 's/^/    /' "$err" | head -5; fail=$((fail + 1)); fi
}

# stderr_has NAME TEXT: the last program's stderr
stderr_has() {
    if grep -qF -- "$2" "$err"; then pass=$((pass + 1)); else
        echo "FAIL $1: stderr lacks '$2'"; sed 's/^/    /' "$err" | head -5; fail=$((fail + 1)); fi
}
stderr_lacks() {
    if grep -qF -- "$2" "$err"; then
        echo "FAIL $1: stderr has '$2'"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
}

program "two \$: blocks play together; the bare value does not" $'0 1/2 note=a\n0 1 note=c\n1/2 1 note=b' <<'EOF2'
$: note("a b")
$: note("c")
note("x y z")
EOF2

program "a bare expression plays when there is no block" $'0 1/3 note=x\n1/3 2/3 note=y\n2/3 1 note=z' <<'EOF2'
const x = "x y z"
note(x)
EOF2

program "muted blocks: _\$: and bass_: record nothing" $'0 1 note=a' <<'EOF2'
$: note("a")
_$: note("b")
bass_: note("c")
_lead: note("d")
EOF2

program "only muted blocks: the last bare expression plays" $'0 1 note=e' <<'EOF2'
_$: note("a")
note("e")
EOF2

program "a muted block last: nothing plays" "" <<'EOF2'
note("e")
_$: note("a")
EOF2

program "named blocks; a label reused replaces its block" $'0 1 note=b\n0 1 note=c' <<'EOF2'
lead: note("a")
lead: note("b")
bass: note("c")
EOF2

program "labels beginning with S solo" $'0 1 note=b\n0 1 note=c' <<'EOF2'
$: note("a")
S$: note("b")
Strings: note("c")
EOF2

program "hush() drops the blocks before it" $'0 1 note=b' <<'EOF2'
$: note("a")
hush()
$: note("b")
EOF2

program "pat.hush() is silent" $'0 1 note=a' <<'EOF2'
$: note("a")
$: note("b").hush()
EOF2

program "all(f) then each(f), to every block" $'0 1/2 gain=0.5 note=a pan=1\n0 1/2 gain=0.5 note=b pan=1\n1/2 1 gain=0.5 note=a pan=1\n1/2 1 gain=0.5 note=b pan=1' <<'EOF2'
$: note("a")
$: note("b")
all(x => x.fast(2))
all(x => x.gain(.5))
each(x => x.pan(1))
EOF2

program "all(f) on a bare expression" $'0 1/2 note=a\n1/2 1 note=a' <<'EOF2'
all(fast(2))
note("a")
EOF2

program ".p('name'), .d1 and .q" $'0 1 note=a\n0 1 note=b' <<'EOF2'
note("a").p('one')
note("b").d1
note("c").q('two')
EOF2

program "JavaScript: const, let, ;, .5, -.25, /* */, &&, ===, !, ?:" $'0 1 gain=0.25 note=a' <<'EOF2'
const g = .5; let h = -.25;
/* a comment
   over two lines */
const ok = g + h === .25 && !false
$: note("a").gain(ok ? h + g : 0)
EOF2

program "a backtick string is mini-notation over several lines" $'0 1/2 note=a\n1/2 1 note=b\n1 2 note=c' 0:2 <<'EOF2'
note(`<[a
   b] c>`)
EOF2

program "await and browser loaders" $'0 1 note=a' <<'EOF2'
await loadCsound`
instr Foo
endin`
await samples('github:tidalcycles/dirt-samples')
note("a").csound('Foo')
EOF2
stderr_has "the Dirt samples are a note" "note: the Dirt names play Sonic Pi's samples and Hydrogen's kits here (tala sounds; docs/sound.md)"
stderr_has "a loader is a note" "note: loadCsound belongs to Strudel's browser"
stderr_lacks "a note is no warning" "warning: loadCsound"

program "visuals are ignored: pianoroll, color, scope" $'0 1 note=a' <<'EOF2'
note("a").color('red').pianoroll({fold: 1})._scope()
EOF2
stderr_has "a visual is a note" "note: pianoroll is a visual"

program "samples from URLs: a warning names the sounds" $'0 1 s=bell' <<'EOF2'
samples({ bell: {b4: 'https://cdn.freesound.org/previews/339/339809_5121236-lq.mp3'}, flbass: 'x.wav'})
s("bell")
EOF2
stderr_has "URL samples warn with the names tala lacks" "warning: samples from the network are not loaded: flbass (silent here); bell: tala's own"

program "addVoicings and setDefaultVoicings" $'0 1 note=C5\n0 1 note=F4\n1 2 note=D4\n1 2 note=G4' 0:2 <<'EOF2'
addVoicings('mine', {m7: ['3m 7m', '7m 10m']})
setDefaultVoicings('mine')
$: chord("<Dm7 Em7>").voicing()
EOF2

program "x[i] reads a list's item and a record's field (JavaScript's)" $'0 1/2 n=3\n1/2 1 n=7' <<'EOF2'
const xs = [1, 2, 3]
const r = {a: 7}
n(seq(xs[2], r['a']))
EOF2

program "let ... in stays tala's" $'0 1 note=3' <<'EOF2'
let x = 3 in note(x)
EOF2

# a bank tala does not have: a warning naming the banks there are
printf '$: s("bd sn").bank("RolandTR909")\n' >"$dir/bank.js"
"$tala" check "$dir/bank.js" >"$out" 2>"$err"
stderr_has "an unknown bank warns" "warning: no bank 'RolandTR909' (no sound RolandTR909_bd), one of strudel.cc's drum machines from the network: its events play the sounds without a bank; banks here: tala, Audiophob, BJA_Pacific, ColomboAcousticDrumkit"

program "a block named like a builtin or a variable leaves them alone" $'0 1 note=C2\n0 1 note=C3 s=x\n0 1 note=C4\n0 1 note=C5\n0 1 note=E3\n0 1 note=E4\n0 1 note=G4' <<'EOF2'
const chords = chord("C")
chords: chords.voicing()
chord: chords.rootNotes(2)
bass: chord("C").rootNotes(3).s("x")
EOF2

program "methods without brackets before .reset stay apart" $'0 1/2 n=1\n1/2 1 n=0' <<'EOF2'
n("0 1").rev.reset("x")
EOF2

fails "an unclosed comment" "unclosed comment (opened here)" <<'EOF2'
$: s("bd")
/* not closed
$: s("hh")
EOF2

# sd is the built-in snare, by Strudel's and Tidal's name: no warning
printf '$: s("bd sd")\n' >"$dir/sd.js"
"$tala" check "$dir/sd.js" >"$out" 2>"$err"
stderr_lacks "sd is a sound" "no sound named 'sd'"

fails "a block that is no pattern" "the block 'a:' is" <<'EOF2'
a: x => x
EOF2

fails "';' inside brackets" "unexpected ';'" <<'EOF2'
note("a"; "b")
EOF2

echo "$pass passed, $fail failed"
[ $fail = 0 ]
