#!/usr/bin/env bash
# test_layers.sh BUILD_DIR - the architecture holds (docs/architecture.md):
# the per-folder link check passes on the real layers and fails on a
# deliberately bad object (an upward call slipped into vm/); no include
# crosses a forbidden arrow; cli/live.c and cli/repl.c do not call each
# other; no source file is over 1,000 lines.
build=${1:?usage: test_layers.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
check="$root/tools/check_layers.sh"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t args <"$build/layers.args"
if sh "$check" "${args[@]}" 2>"$tmp/err"; then ok; else bad "the real layers fail the check"; cat "$tmp/err"; fi

# a bad object: vm/ calling session_new (engine/) must fail the check, naming both
printf 'void session_new(void);\nvoid tala_bad_upward_call(void) { session_new(); }\n' >"$tmp/bad.c"
cc -c "$tmp/bad.c" -o "$tmp/bad.o"
bad_args=()
for a in "${args[@]}"; do
    if [ "${a%%=*}" = vm ]; then
        archive=${a#*=}
        archive=${archive%%:*}
        cp "$archive" "$tmp/libvm.a"
        ar rc "$tmp/libvm.a" "$tmp/bad.o"
        a="vm=$tmp/libvm.a:"
    fi
    bad_args+=("$a")
done
if sh "$check" "${bad_args[@]}" 2>"$tmp/err"; then
    bad "an upward call from vm/ to engine/ passed the layer check"
elif grep -q "vm/bad calls session_new, defined in engine/" "$tmp/err"; then
    ok
else
    bad "the layer check failed without naming the bad call"; cat "$tmp/err"
fi

# includes: vm/ and audio/ include nothing above them; lang/ nothing of audio/
if grep -n '#include "\.\./\(lang\|stdlib\|engine\|cli\|io\)/' "$root"/vm/*.[ch] "$root"/audio/*.[ch]; then
    bad "vm/ or audio/ includes a layer above it"
else ok; fi
if grep -n '#include "\.\./audio/' "$root"/lang/*.[ch] "$root"/stdlib/*.[ch]; then
    bad "lang/ or stdlib/ includes audio/"
else ok; fi
if grep -n '#include "\.\./\(lang\|stdlib\|engine\|cli\|io\|vm\|audio\)/' "$root"/spec/*.[ch]; then
    bad "spec/ includes another folder"
else ok; fi

# no circle in cli/: live.c and repl.c never use what the other defines
lo=$(find "$build" -name 'live.c.o' -path '*tala.dir/cli/*' | head -1)
ro=$(find "$build" -name 'repl.c.o' -path '*tala.dir/cli/*' | head -1)
if [ -n "$lo" ] && [ -n "$ro" ]; then
    circle=0
    for s in $(nm -u "$lo" | awk '{ print $2 }'); do
        nm -g --defined-only "$ro" | awk '{ print $3 }' | grep -qx "$s" && circle=1
    done
    for s in $(nm -u "$ro" | awk '{ print $2 }'); do
        nm -g --defined-only "$lo" | awk '{ print $3 }' | grep -qx "$s" && circle=$((circle | 2))
    done
    if [ $circle = 3 ]; then bad "cli/live.c and cli/repl.c call each other"; else ok; fi
else
    bad "cannot find cli/live.c.o and cli/repl.c.o in $build"
fi

# no source file over 1,000 lines
long=$(cd "$root" && git ls-files '*.c' '*.h' 2>/dev/null | xargs -r wc -l | awk '$2 != "total" && $1 > 1000')
if [ -n "$long" ]; then bad "files over 1,000 lines: $long"; else ok; fi

# every source file opens with a comment on what it owns
nohead=$(cd "$root" && for f in $(git ls-files '*.c' '*.h' 2>/dev/null); do head -1 "$f" | grep -q '^/\*' || echo "$f"; done)
if [ -n "$nohead" ]; then bad "files without an opening comment: $nohead"; else ok; fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
