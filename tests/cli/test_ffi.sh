#!/usr/bin/env bash
# test_ffi.sh TALA - native calls through libffi (ffi) and safe mode (--safe, TALA_SAFE):
# libm's pow and cbrt, libc's strlen, abs and getenv give their values in patterns; every
# kind of mistake (arity, each argument type, a library or function that is not there, a
# bad signature) is an error with file:line:col, never a crash; safe mode refuses ffi,
# sample folders outside the working directory (a path, .., a link) and :render.
set -u
TALA=$(realpath "$1")
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# the value of an expression, as the note of the first event of cycle 0
value() { "$TALA" query --cycles 0:1 "note($1)" 2>&1 | sed -n '1s/^0 1 note=//p'; }

got=$(value 'ffi("libm.so.6", "pow", "double(double, double)")(2, 10)')
[ "$got" = 1024 ] && ok "pow(2, 10) from libm is $got" || bad "pow(2, 10): '$got'"
got=$(value "ffi('libm.so.6', 'cbrt', 'double(double)')(-64)")
[ "$got" = -4 ] && ok "cbrt(-64) from libm is $got (single quotes work too)" || bad "cbrt(-64): '$got'"
got=$(value "ffi(\"libc.so.6\", \"strlen\", \"int64(string)\")('hello, world')")
[ "$got" = 12 ] && ok "strlen('hello, world') from libc is $got" || bad "strlen: '$got'"
got=$(value 'ffi("libc.so.6", "abs", "int(int)")(-40)')
[ "$got" = 40 ] && ok "abs(-40), an int function, is $got" || bad "abs: '$got'"
got=$(export HOME=/home/tala-test; value "ffi(\"libc.so.6\", \"strlen\", \"int64(string)\")(ffi(\"libc.so.6\", \"getenv\", \"string(string)\")('HOME'))")
[ "$got" = 15 ] && ok "a string a C function returns goes to another: strlen(getenv('HOME')) is $got" ||
    bad "getenv/strlen: '$got'"
got=$(value 'ffi("libc.so.6", "rand", "int(void)")() * 0')
[ "$got" = 0 ] && ok "a function of no arguments: int(void)" || bad "rand(): '$got'"

# a program with ffi calls in a file: check and render run it
cat >prog.tala <<'TALA'
pow = ffi("libm.so.6", "pow", "double(double, double)")
bass = note(36 + pow(2, 2)).s("sine")
play bass
TALA
"$TALA" render prog.tala -o out.wav --bars 1 >/dev/null 2>&1 &&
    freq=$(sox out.wav -n remix 1 trim 0.2 0.5 stat 2>&1 | sed -n 's/Rough *frequency: *//p') &&
    awk -v f="$freq" 'BEGIN { exit !(f > 80 && f < 85) }' &&
    ok "a render of a program that calls pow: note 40 sounds at $freq Hz (82.4)" ||
    bad "render with ffi: ${freq:-no file}"

# mistakes: each an error at its place, with a hint, exit 1, no crash
expect_error() { # WHAT EXPRESSION PATTERN
    local out rc
    out=$("$TALA" query --cycles 0:1 "$2" 2>&1)
    rc=$?
    [ $rc = 1 ] && grep -q "^<query>:1:[0-9]*: $3" <<<"$out" && grep -q '\^' <<<"$out" &&
        ok "$1: $(head -1 <<<"$out" | cut -d' ' -f2-)" ||
        { bad "$1: exit $rc"; echo "$out" | head -4; }
}
POW='ffi("libm.so.6", "pow", "double(double, double)")'
expect_error "too few arguments" "$POW(2)" "pow takes 2 arguments, got 1"
expect_error "too many arguments" "$POW(2, 3, 4)" "pow takes 2 arguments, got 3"
expect_error "a text for a double" "$POW(2, 'x')" "pow: argument 2 must be a number, got a text"
expect_error "a pattern for a double" "$POW(2, \"1 2\")" "pow: argument 2 must be a number, got a pattern"
expect_error "nil for a double" "$POW(nil, 1)" "pow: argument 1 must be a number, got nil"
expect_error "2.5 for an int" 'ffi("libc.so.6", "abs", "int(int)")(2.5)' "abs: argument 1 must be a whole number (int), got 2.5"
expect_error "2^40 for an int" 'ffi("libc.so.6", "abs", "int(int)")(1099511627776)' "abs: argument 1 must be a whole number (int)"
expect_error "a number for a string" 'ffi("libc.so.6", "strlen", "int64(string)")(5)' "strlen: argument 1 must be a string, got 5"
out=$("$TALA" query 'ffi("libc.so.6", "strlen", "int64(string)")("hello")' 2>&1)
grep -q "hint: double quotes make a pattern: write the string in single quotes, 'hello'" <<<"$out" &&
    ok "a double-quoted string for a string argument: the hint says to use single quotes" ||
    bad "double-quoted hint: $out"
expect_error "nil for a string" 'ffi("libc.so.6", "strlen", "int64(string)")(nil)' "strlen: argument 1 must be a string, got nil"
expect_error "a number for a bool" 'ffi("libc.so.6", "abs", "int(bool)")(1)' "abs: argument 1 must be true or false, got 1"
expect_error "a forged pointer" 'ffi("libc.so.6", "free", "void(pointer)")({pointer: 99})' "free: argument 1 must be a pointer a C function returned"
expect_error "a number for a pointer" 'ffi("libc.so.6", "free", "void(pointer)")(140737488355328)' "free: argument 1 must be a pointer"
expect_error "a library that is not there" 'ffi("libnothere.so.9", "f", "int()")' "ffi: cannot open the library 'libnothere.so.9': libnothere.so.9: cannot open shared object file"
expect_error "a function that is not there" 'ffi("libm.so.6", "powx", "double(double)")' "ffi: no function 'powx' in 'libm.so.6': .*undefined symbol: powx"
expect_error "an unknown type" 'ffi("libm.so.6", "pow", "double(double, dbl)")' "ffi: the signature 'double(double, dbl)' names an unknown type"
expect_error "no parentheses" 'ffi("libm.so.6", "pow", "double")' "ffi: the signature 'double' must be like"
expect_error "void as an argument" 'ffi("libm.so.6", "pow", "double(double, void)")' "ffi: in the signature"
expect_error "a number for the library" 'ffi(5, "pow", "double(double)")' "ffi takes three strings"
# a pointer goes round: zeroed memory from calloc, its length from strlen, freed by free
cat >ptr.tala <<'TALA'
p = ffi("libc.so.6", "calloc", "pointer(int64, int64)")(1, 64)
n = ffi("libc.so.6", "strlen", "int64(pointer)")(p)
done = ffi("libc.so.6", "free", "void(pointer)")(p)
x = note(n + 60)
play x
TALA
got=$(value 'ffi("libc.so.6", "strlen", "int64(pointer)")(ffi("libc.so.6", "calloc", "pointer(int64, int64)")(1, 64)) + 60')
"$TALA" check ptr.tala >/dev/null 2>&1 && [ "$got" = 60 ] &&
    ok "a pointer from calloc goes to strlen and free, an opaque value passed back as it came" ||
    bad "pointer round trip: '$got'"

# safe mode
expect_safe() { # WHAT EXPRESSION PATTERN [ENV]
    local out rc
    out=$(env TALA_SAFE=1 "$TALA" query --cycles 0:1 "$2" 2>&1)
    rc=$?
    [ $rc = 1 ] && grep -q "^<query>:1:[0-9]*: $3" <<<"$out" && ok "safe mode: $1" ||
        { bad "safe mode $1: exit $rc"; echo "$out" | head -3; }
}
expect_safe "ffi refused" "$POW" "ffi is not allowed in safe mode"
expect_safe "an absolute sample folder refused" 'samples("/usr/share/sounds")' "samples('/usr/share/sounds'): a folder outside the working directory is not allowed in safe mode"
expect_safe "a sample folder above refused" 'samples("../drums")' "samples('../drums'): a folder outside"
out=$("$TALA" --safe query --cycles 0:1 "$POW" 2>&1)
grep -q "ffi is not allowed in safe mode" <<<"$out" && ok "--safe on the command line does the same" ||
    bad "--safe: $out"
mkdir -p here/kit && ln -s /usr/share kit-link && cp out.wav here/kit/bd.wav
printf 'samples("kit-link")\nx = s("bd")\nplay x\n' >link.tala
out=$(TALA_SAFE=1 "$TALA" check link.tala 2>&1)
rc=$?
[ $rc = 1 ] && grep -q "samples('kit-link'): a folder outside the working directory" <<<"$out" &&
    ok "safe mode: a link out of the working directory refused" || bad "link: exit $rc: $out"
out=$(TALA_SAFE=1 "$TALA" link.tala --no-audio --seconds 0.3 --no-log </dev/null 2>&1)
grep -q "samples('kit-link'): a folder outside the working directory" <<<"$out" &&
    ok "safe mode, playing live: the link is refused there too (no sample is read ahead)" ||
    bad "live link: $out"
# a session in safe mode replays in safe mode: what was refused stays refused
cat >safe.log <<'LOG'
tala-session 1
opts rate 48000 voices 64 tempo 120
safe
eval 0 3 2026-12-06T06:00:00Z set.tala
pow = ffi("libm.so.6", "pow", "double(double, double)")
x = note(pow(2, 6)).s("sine")
play x
end 48000
LOG
out=$("$TALA" replay safe.log -o safe.wav 2>&1)
grep -q "ffi is not allowed in safe mode" <<<"$out" && ok "a safe session's replay stays safe: ffi refused again" ||
    bad "safe replay: $out"
printf 'samples("here")\nx = s("kit")\nplay x\n' >here.tala
TALA_SAFE=1 "$TALA" check here.tala >/dev/null 2>&1 && ok "safe mode: a sample folder here is fine" ||
    bad "safe mode refused a folder here"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
