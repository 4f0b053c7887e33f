#!/usr/bin/env bash
# test_repl.sh TALA PTY_DRIVE - drives the REPL in a pseudo-terminal, the
# way a performer would: a multi-line definition, completion, :help, play,
# Ctrl-C on a half-typed line, :tracks, :hush, :quit; then checks what was
# printed and that the history was saved. Runs without an audio device
# (--no-audio keeps time), so it needs no server.
set -u
TALA=$1
DRIVE=$2
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"
# drive NAME: types the script $tmp/NAME into tala without a device; sets rc and out
# (what the terminal showed, without carriage returns and escape sequences)
drive() {
    HOME="$tmp/home" "$DRIVE" "$tmp/$1" "$TALA" --no-audio --no-log >"$tmp/$1.out" 2>&1
    rc=$?
    out=$(tr -d '\r' <"$tmp/$1.out" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g')
}

cat >"$tmp/script" <<'SCRIPT'
expect > 
send drums = s("bd*4,\n
expect ...>
send  hh*8").gain(0.9)\n
send play dru\t\n
expect drums -> bar
send :help eve\t\n
expect example:
send broken(\x03
expect ^C
send :tracks\n
expect changes at bar
send lead = note("c4 e4").s(\n
send "pluck")\n
send play drums, lead\n
expect lead -> bar
send oops = s("bd").nope()\n
expect nope
send samples('SAMPLES')\n
send tk = s("tick*2")\n
send play drums, lead, tk\n
expect tk -> bar
send :hush\n
send :tracks\n
expect stopped
send :render RENDERED\n
expect wrote
send :sounds bd\n
expect bd:17
send :quit\n
SCRIPT
sed -i "s|RENDERED|$tmp/rendered.wav|; s|SAMPLES|$tmp/samples|" "$tmp/script"
mkdir -p "$tmp/samples/tick"
sox -n -r 48000 -c 1 "$tmp/samples/tick/tick.wav" synth 0.05 sine 1000 2>/dev/null
HOME="$tmp/home" "$DRIVE" "$tmp/script" "$TALA" --no-audio >"$tmp/out" 2>&1
rc=$?
out=$(tr -d '\r' <"$tmp/out")
[ $rc = 0 ] && ok "REPL session ran and :quit left with status 0" || { bad "status $rc"; echo "$out" | tail -20; }
grep -q "no device" <<<"$out" && ok "says plainly that it keeps time without a device" || bad "no 'no device' notice"
grep -q "(no sound) " <<<"$out" && ! grep -q "(no sound) [0-9]*% x[0-9]" <<<"$out" &&
    ok "without a device the status line shows no CPU share or xruns" || bad "status line without a device"
grep -q "drums = s(\"bd\*4," <<<"$out" && grep -q "\.\.\.>" <<<"$out" &&
    ok "a block goes on while a bracket is open" || bad "multi-line input"
grep -q "play drums" <<<"$out" && ok "tab completed 'dru' to 'drums'" || bad "completion of a user name"
grep -q "every(" <<<"$out" && ok ":help with a completed builtin name shows its doc" || bad ":help every"
grep -q "drums -> bar" <<<"$out" && grep -q "lead -> bar" <<<"$out" &&
    ok "each swap confirmed in one line" || bad "swap confirmations"
grep -q "<repl>:1:.*nope\|nope" <<<"$out" && grep -q "\^" <<<"$out" &&
    ok "an error is printed with its position and caret" || bad "error message"
grep -q "stopped" <<<"$out" && ok ":hush stopped the tracks" || bad ":hush / :tracks"
grep -q "tk -> bar" <<<"$out" && ! grep -q "no sound named 'tick'" <<<"$out" &&
    ok "samples('DIR') typed live loads the folder (read before the evaluation)" ||
    bad "samples typed in the REPL"
[ -s "$tmp/rendered.wav" ] && ok ":render wrote the session so far from its log" || bad ":render"
grep -q "bd:1  bd_808" <<<"$out" && ok ":sounds bd lists the variations of bd" || bad ":sounds bd"
ls "$tmp"/home/.local/share/tala/sessions/*.tala-session >/dev/null 2>&1 &&
    grep -q "^cmd .* hush" "$tmp"/home/.local/share/tala/sessions/*.tala-session &&
    ok "the session log holds the blocks and commands" || bad "session log"
hist="$tmp/home/.local/share/tala/history"
[ -f "$hist" ] && grep -q "play drums, lead" "$hist" && ok "history saved between sessions" ||
    bad "history not saved ($hist)"

# what the performer stops stays stopped (live trust, defect 1): :hush and :stop last until
# the track's definition plays something else or a typed `play` names it
cat >"$tmp/hold" <<'SCRIPT'
expect > 
send x = s("bd*4")\n
send play x\n
expect x -> bar
send :hush\n
send z = s("cp")\n
send :tempo 90\n
send tempo 100\n
send x = s("bd*4")\n
send :tracks\n
expect stopped
send x = s("bd*8")\n
expect x -> bar
send :stop x\n
send :tempo 95\n
send y = s("hh")\n
send :tracks\n
expect stopped
send play x\n
expect x -> bar
send :tracks\n
expect playing
send :quit\n
SCRIPT
HOME="$tmp/home" "$DRIVE" "$tmp/hold" "$TALA" --no-audio --no-log >"$tmp/hold.out" 2>&1
hold=$(tr -d '\r' <"$tmp/hold.out")
n=$(grep -o "x -> bar" <<<"$hold" | wc -l)
if [ "$n" = 3 ]; then
    ok "hush and stop hold: no other block, tempo or unchanged definition brings x back"
else
    bad "x came back $n times (wanted 3: play, a new definition, play again)"
    echo "$hold" | grep -n "x -> bar\|stopped\|:hush\|:stop" | head -20
fi

# a bare expression does something (defect 2): a pattern plays on the anonymous track $,
# replaced by the next one; another value is shown; :stop $ stops it
cat >"$tmp/bare" <<'SCRIPT'
expect > 
send s("bd*2 [~ sn] hh*4")\n
expect $ -> bar
send 40 + 2\n
expect 42
send fast\n
expect fast(factor, pat)
send note("c3 e3").s("saw")\n
expect $ -> bar
send :stop $\n
send :tracks\n
expect stopped
send :quit\n
SCRIPT
HOME="$tmp/home" "$DRIVE" "$tmp/bare" "$TALA" --no-audio --no-log >"$tmp/bare.out" 2>&1
rc=$?
bare=$(tr -d '\r' <"$tmp/bare.out")
n=$(grep -o '\$ -> bar' <<<"$bare" | wc -l)
if [ $rc = 0 ] && [ "$n" = 2 ] && grep -q "42" <<<"$bare" && grep -q "fast(factor, pat)" <<<"$bare"; then
    ok "a bare pattern plays (twice, each replacing the last); 40 + 2 shows 42; a function its signature"
else
    bad "bare expressions: status $rc, '\$ -> bar' $n times"
    echo "$bare" | tail -15
fi

# defects 4-7 at the prompt: an unknown scale, sound and note name warn with the nearest
# names (4); an error is the one check and render give, with its position (5); --record
# writes the format its extension names (6); :help shows a real example for every kind of
# name (7)
cat >"$tmp/trust" <<'SCRIPT'
expect > 
send k = n("0 2 4").scale("C:minorr").s("pluck")\n
send play k\n
expect C:minorr
send w = note("c3 e3").s("sawtoth")\n
send play w\n
expect did you mean sawtooth
send v = note("c3 xx").s("saw")\n
send play v\n
expect no note named 'xx'
send u = n(0, 2, 4, 5, 7, 9, 11, 12, 14, 16, 17, 19, 21, 23, 24, 26, 28).s("pluck")\n
expect n takes 1 argument, got 17
send :help tempo\n
expect tempo 
send :help reverb\n
expect reverb
send :help lpf\n
expect lpf(
send sleep 1200
send :quit\n
SCRIPT
sed -i 's/^send sleep /sleep /' "$tmp/trust"
HOME="$tmp/home" "$DRIVE" "$tmp/trust" "$TALA" --no-audio --no-log --record "$tmp/trust.flac" \
    >"$tmp/trust.out" 2>&1
rc=$?
trust=$(tr -d '\r' <"$tmp/trust.out")
printf 'u = n(0, 2, 4, 5, 7, 9, 11, 12, 14, 16, 17, 19, 21, 23, 24, 26, 28).s("pluck")\n' >"$tmp/n17.tala"
check_msg=$("$TALA" check "$tmp/n17.tala" 2>&1 | head -1 | sed 's/.*:[0-9]*:[0-9]*: //')
if [ $rc = 0 ] && grep -q "unknown scale 'C:minorr'" <<<"$trust" && grep -q "did you mean C:minor?" <<<"$trust"; then
    ok "an unknown scale at the prompt warns with the nearest names (defect 4)"
else
    bad "unknown scale at the prompt: status $rc"; grep -i "scale" <<<"$trust" | head -3
fi
grep -q "did you mean sawtooth, saw" <<<"$trust" && grep -q "no note named 'xx'" <<<"$trust" &&
    ok "an unknown sound suggests near names; a wrong note name says which (defect 4)" ||
    bad "near names at the prompt"
grep -qF "<repl>:1:5: $check_msg" <<<"$trust" &&
    ok "the prompt gives check's message for n with 17 arguments, positioned (defect 5)" ||
    { bad "defect 5 at the prompt: check says '$check_msg'"; grep "takes" <<<"$trust"; }
file "$tmp/trust.flac" | grep -q FLAC && ok "--record x.flac from the REPL writes FLAC (defect 6)" ||
    bad "--record x.flac wrote: $(file "$tmp/trust.flac")"
grep -q "example:" <<<"$trust" && [ "$(grep -c "example:" <<<"$trust")" -ge 3 ] &&
    ! grep -q '"0.5 1"' <<<"$trust" &&
    ok ":help tempo, reverb and lpf each show a real example (defect 7)" ||
    { bad ":help examples"; grep -A2 "example" <<<"$trust" | head; }

# tala FILE --watch: an edit is picked up and swapped in
printf 'drums = s("bd*4")\nplay drums\n' >"$tmp/set.tala"
HOME="$tmp/home" "$TALA" "$tmp/set.tala" --watch --no-audio --no-log --seconds 3 </dev/null 2>"$tmp/watch" &
pid=$!
sleep 1.2
printf 'drums = s("bd*2 sn")\nplay drums\n' >"$tmp/set.tala"
wait $pid
rc=$?
n=$(grep -c "drums -> bar" "$tmp/watch")
[ $rc = 0 ] && [ "$n" = 2 ] && ok "--watch re-evaluated the saved file (and swapped it in)" ||
    { bad "--watch: status $rc, $n swaps"; cat "$tmp/watch"; }

# an editor that saves by writing a new file and renaming it over the old
# one (vim, many IDEs): each save is seen, also after the first rename
printf 'drums = s("bd*4")\nplay drums\n' >"$tmp/set.tala"
HOME="$tmp/home" "$TALA" "$tmp/set.tala" --watch --no-audio --no-log --seconds 4 </dev/null 2>"$tmp/watch" &
pid=$!
sleep 1.2
printf 'drums = s("bd*2 sn")\nplay drums\n' >"$tmp/set.tala.new"
mv "$tmp/set.tala.new" "$tmp/set.tala"
sleep 1.2
printf 'drums = s("bd sn*2")\nplay drums\n' >"$tmp/set.tala.new"
mv "$tmp/set.tala.new" "$tmp/set.tala"
wait $pid
rc=$?
n=$(grep -c "drums -> bar" "$tmp/watch")
[ $rc = 0 ] && [ "$n" = 3 ] && ok "--watch sees saves by rename (two in a row), each swapped in once" ||
    { bad "--watch by rename: status $rc, $n swaps"; cat "$tmp/watch"; }
# :tour: all ten steps, each shown, played and explained, an Enter between them; then the
# tracks it built play, :show draws one, :example plays an example, :search and :help
# topics answer, and a typo in :help gets a suggestion
{
    echo 'expect :tour'
    echo 'send :tour\n'
    for i in 1 2 3 4 5 6 7 8 9 10; do
        echo "expect tour $i/10"
        echo 'expect listen for:'
        echo 'send \n'
    done
    cat <<'SCRIPT'
expect That was the tour
sleep 3000
send :tracks\n
expect pad
send :show drums\n
expect steps a cycle
send :example jux\n
expect $ -> bar
send :search reverb\n
expect room
send :help mini\n
expect bd(3,8)
send :help fsat\n
expect did you mean 'fast'
send :tour 12\n
expect :tour [STEP]
send :quit\n
SCRIPT
} >"$tmp/tour"
drive tour
[ $rc = 0 ] && ok ":tour, :example, :search and :help TOPIC ran to :quit" ||
    { bad ":tour session: status $rc"; echo "$out" | tail -20; }
grep -q "^tala [0-9.]*: playing on .* BPM$" <<<"$out" && grep -q "type :help or :tour" <<<"$out" &&
    ok "the banner gives the version, the device, the tempo and ':help or :tour'" ||
    bad "banner: $(head -3 <<<"$out")"
steps=$(grep -c "^-- tour [0-9]*/10: " <<<"$out")
listens=$(grep -c "^listen for: " <<<"$out")
[ "$steps" = 10 ] && [ "$listens" = 10 ] && ok "the tour showed ten steps, each with what to listen for" ||
    bad "tour: $steps steps, $listens 'listen for'"
# every step's code ran: no error between the first step and the end
if sed -n '/^-- tour 1\/10/,/That was the tour/p' <<<"$out" | grep -q "^<tour>:\|^hint:"; then
    bad "a tour step's code failed:"; sed -n '/^-- tour 1\/10/,/That was the tour/p' <<<"$out" | grep -A3 "^<tour>:" | head
else ok "every step's code ran without an error"; fi
n=$(grep -oE "(drums|perc|bass|keys|pad) +playing$" <<<"$out" | sort -u | wc -l)
[ "$n" = 5 ] && ok "after a bar the five tracks the tour built play" || bad "tour tracks playing: $n"
grep -q "^bd |" <<<"$out" && grep -q "^sn |" <<<"$out" && ok ":show drums drew the kick and snare rows" ||
    bad ":show drums"
grep -q '^s("bd sn").jux(rev)$' <<<"$out" && ok ":example jux showed its code and played it on \$" ||
    bad ":example jux"
# (an asynchronous line or a prompt may share a line with the first result: match inside it)
grep -qE "reverb +A FreeVerb" <<<"$out" && grep -qE "room +Control: sets the reverb send" <<<"$out" &&
    ok ":search reverb found the reverb unit generator and the room control" ||
    { bad ":search reverb"; sed -n '/:search reverb/,/:help mini/p' <<<"$out" | head -20; }
# :undo holds: after :undo, an evaluation of other code leaves the track on the code
# :undo brought back (the name still holds the undone code); a new definition plays
cat >"$tmp/undo" <<'SCRIPT'
expect > 
send hats = s("hh*8")\n
send play hats\n
expect hats -> bar
sleep 2100
send hats = s("hh*4")\n
expect hats -> bar
sleep 2100
send :undo hats\n
expect previous code
send breaks = s("bd")\n
sleep 300
send :tracks\n
expect hats
send :show hats 1\n
expect steps a cycle
send hats = s("hh*2")\n
expect hats -> bar
send :quit\n
SCRIPT
drive undo
swaps=$(sed -n '/previous code/,/^hh |/p' <<<"$out" | grep "hats -> bar" | grep -vc "previous code")
[ $rc = 0 ] && [ "$swaps" = 0 ] && grep -q "^hh |xx xx xx xx|" <<<"$out" &&
    ok ":undo holds when other code is evaluated (hats stays on hh*8), a new definition plays" ||
    { bad ":undo: status $rc, $swaps swaps back"; grep -a "hats\|^hh" <<<"$out" | tail -8; }
# :undo's hold ends when the block names the track again, even with the very pattern
# :undo took back (drums = v2 again); :tour 6 runs steps 1-5 first, quietly; :example
# of a statement shows it without running it
cat >"$tmp/undo2" <<'SCRIPT'
expect > 
send v1 = s("bd*4")\n
send v2 = s("bd*2 sn")\n
send drums = v1\n
send play drums\n
expect drums -> bar
sleep 2100
send drums = v2\n
expect drums -> bar
sleep 2100
send :undo drums\n
expect previous code
sleep 2100
send drums = v2\n
expect drums -> bar
send :tour 6\n
expect tour 6/10
send :example tempo\n
expect changes the session
send :tempo\n
expect BPM
send :quit\n
SCRIPT
drive undo2
[ $rc = 0 ] && ! grep -q "^<tour>:" <<<"$out" && grep -q "120 BPM$" <<<"$out" &&
    ok ":undo ends at a new definition of the same code; :tour 6 catches up; :example tempo is only shown" ||
    { bad ":undo/:tour N/:example of a statement: status $rc"; grep -a "drums ->\|<tour>\|BPM" <<<"$out" | tail -6; }
echo "$pass passed, $fail failed"
[ $fail = 0 ]
