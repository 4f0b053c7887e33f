#!/usr/bin/env bash
# test_plugins.sh TALA - LV2 plugins through lilv: tala plugins lists the installed ones
# (x42-plugins is installed by build.sh) with their audio and control ports, and shows one
# in detail; a name that is none, or several, is said; LV2_PATH chooses where to look.
# lv2(...) in an effect chain: x42's EQ cuts its band by what its controls say (measured),
# on a track and on the master; new settings keep the plugin; safe mode refuses plugins
# outside the system's folders.
set -u
TALA=$1
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$TALA" plugins >"$tmp/list" 2>&1
rc=$?
line=$(grep '^http://gareus.org/oss/lv2/fil4#mono ' "$tmp/list")
n=$(wc -l <"$tmp/list")
[ $rc = 0 ] && [ "$n" -gt 10 ] &&
    grep -q '"x42-eq - Parametric Equalizer Mono"  audio 1 in, 1 out; [0-9]* controls$' <<<"$line" &&
    ok "tala plugins lists $n plugins, x42's EQ with 1 audio in and out" ||
    { bad "tala plugins: exit $rc, $n lines, '$line'"; head -3 "$tmp/list"; }

"$TALA" plugins 'fil4#mono' >"$tmp/one" 2>&1
rc=$?
listed=$(sed -n 's/.*; \([0-9]*\) controls$/\1/p' <<<"$line")
shown=$(grep -c '^    [A-Za-z0-9_]* .* default ' "$tmp/one")
[ $rc = 0 ] && [ "$shown" = "$listed" ] && grep -q '^    gain1 *Gain 1 *default 0, -18 to 18$' "$tmp/one" &&
    ok "tala plugins fil4#mono shows its $shown control inputs with defaults and ranges" ||
    { bad "tala plugins fil4#mono: exit $rc, $shown of $listed controls"; head -8 "$tmp/one"; }

"$TALA" plugins fil4 >"$tmp/two" 2>&1
rc=$?
[ $rc = 1 ] && grep -q "2 LV2 plugins are named like 'fil4': http://gareus.org/oss/lv2/fil4#mono, http://gareus.org/oss/lv2/fil4#stereo" "$tmp/two" &&
    ok "a name two plugins share: exit 1, both named" || { bad "fil4: exit $rc"; cat "$tmp/two"; }
"$TALA" plugins nosuchplugin >"$tmp/none" 2>&1
rc=$?
[ $rc = 1 ] && grep -q "no LV2 plugin named like 'nosuchplugin'" "$tmp/none" &&
    ok "a name no plugin has: exit 1" || { bad "nosuchplugin: exit $rc"; cat "$tmp/none"; }
mkdir "$tmp/empty"
out=$(LV2_PATH="$tmp/empty" "$TALA" plugins 2>&1)
[ "$out" = "no LV2 plugins (install some, e.g. apt install x42-plugins, or set LV2_PATH)" ] &&
    ok "LV2_PATH with no plugins: said so" || bad "empty LV2_PATH: $out"
# a plugin on a track: x42's EQ cuts a 880 Hz tone by its band's -12 dB, and leaves one at
# 110 Hz (outside the band) as it was; measured levels, rendered offline
tone() { # FREQ FX -> the RMS of the second bar
    printf 'synth tone(freq, gate) = sine(freq) * 0.5\na = freq(%s).s("tone").legato(1)\n%s\nplay a\n' \
        "$1" "$2" >"$tmp/t.tala"
    "$TALA" render "$tmp/t.tala" -o "$tmp/t.wav" --bars 2 >/dev/null 2>&1 &&
        sox "$tmp/t.wav" -n remix 1 trim 2 1.5 stat 2>&1 | sed -n 's/RMS *amplitude: *//p'
}
EQ='mix a { fx: lv2("fil4#mono", {freq3: 880, gain3: -12, q3: 0.6}) }'
dry=$(tone 880 "") wet=$(tone 880 "$EQ") low=$(tone 110 "$EQ") lowdry=$(tone 110 "")
db=$(awk -v a="$wet" -v b="$dry" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", 20 * log(a / b) / log(10) }')
dblow=$(awk -v a="$low" -v b="$lowdry" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", 20 * log(a / b) / log(10) }')
awk -v d="$db" -v l="$dblow" 'BEGIN { exit !(d != "" && d > -12.5 && d < -11.5 && l > -1 && l < 1) }' &&
    ok "lv2(\"fil4#mono\", {freq3: 880, gain3: -12}) on a track: a 880 Hz tone $db dB, a 110 Hz one $dblow dB" ||
    bad "x42 EQ on a track: 880 Hz ${db:-?} dB, 110 Hz ${dblow:-?} dB ($wet / $dry)"
# a stereo plugin on the master: its overall gain
master=$(tone 880 'master = lv2("fil4#stereo", {gain: -6})')
dbm=$(awk -v a="$master" -v b="$dry" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", 20 * log(a / b) / log(10) }')
awk -v d="$dbm" 'BEGIN { exit !(d != "" && d > -6.3 && d < -5.7) }' &&
    ok "lv2(\"fil4#stereo\", {gain: -6}) on the master: $dbm dB" || bad "master EQ: ${dbm:-?} dB"
# a change of its settings keeps the plugin (a re-evaluation at bar 2): -12 dB, then -6
cat >"$tmp/s.log" <<'LOG'
tala-session 1
opts rate 48000 voices 256 tempo 120
eval 0 4 2026-12-06T06:00:00Z set.tala
synth tone(freq, gate) = sine(freq) * 0.5
a = freq(880).s("tone").legato(1)
mix a { fx: lv2("fil4#mono", {freq3: 880, gain3: -12, q3: 0.6}) }
play a
eval 3/2 1 2026-12-06T06:00:01Z <repl>
mix a { fx: lv2("fil4#mono", {freq3: 880, gain3: -6, q3: 0.6}) }
end 288000
LOG
"$TALA" replay "$tmp/s.log" -o "$tmp/s.wav" >/dev/null 2>&1
b2=$(sox "$tmp/s.wav" -n remix 1 trim 2.5 1 stat 2>&1 | sed -n 's/RMS *amplitude: *//p')
b3=$(sox "$tmp/s.wav" -n remix 1 trim 4.5 1 stat 2>&1 | sed -n 's/RMS *amplitude: *//p')
step=$(awk -v a="$b3" -v b="$b2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", 20 * log(a / b) / log(10) }')
awk -v d="$step" 'BEGIN { exit !(d != "" && d > 5.5 && d < 6.5) }' &&
    ok "new settings of the same plugin take over at the next bar: $step dB up, from -12 to -6" ||
    bad "settings change: ${step:-?} dB ($b2 -> $b3)"
# what cannot be: each an error that says why, exit 1
perr() { # WHAT FX PATTERN
    printf 'a = note("a5").s("sine")\nmix a { fx: %s }\nplay a\n' "$2" >"$tmp/e.tala"
    local out rc
    out=$("$TALA" check "$tmp/e.tala" 2>&1)
    rc=$?
    [ $rc = 1 ] && grep -q "$3" <<<"$out" && ok "$1: $(head -1 <<<"$out")" || { bad "$1: exit $rc"; echo "$out"; }
}
perr "a plugin that is not there" 'lv2("nosuchplugin")' "no LV2 plugin named like 'nosuchplugin'"
perr "a control it does not have" 'lv2("fil4#mono", {nope: 1})' "has no control 'nope'"
perr "a plugin without audio ports" 'lv2("controlfilter#invert")' "has 0 audio inputs and 0 outputs"
perr "a name two plugins share" 'lv2("fil4")' "2 LV2 plugins are named like 'fil4'"
# safe mode: plugins only from the system's folders
mkdir -p "$tmp/lv2" && cp -r /usr/lib/lv2/fil4.lv2 "$tmp/lv2/"
printf 'a = note("a5").s("sine")\nmix a { fx: lv2("fil4#mono") }\nplay a\n' >"$tmp/p.tala"
LV2_PATH="$tmp/lv2" "$TALA" check "$tmp/p.tala" >/dev/null 2>&1 && yes=0 || yes=1
out=$(LV2_PATH="$tmp/lv2" TALA_SAFE=1 "$TALA" check "$tmp/p.tala" 2>&1)
rc=$?
[ $yes = 0 ] && [ $rc = 1 ] && grep -q "outside the system's LV2 folders: not allowed in safe mode" <<<"$out" &&
    ok "safe mode: a plugin from a folder of one's own refused (fine outside safe mode)" ||
    bad "safe mode lv2: plain $yes, safe exit $rc: $out"

ldd "$TALA" | grep -q liblilv && ldd "$TALA" | grep -q libffi &&
    ok "tala links liblilv and libffi" || bad "ldd: $(ldd "$TALA" | grep -E 'lilv|ffi')"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
