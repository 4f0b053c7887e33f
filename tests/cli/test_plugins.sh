#!/usr/bin/env bash
# test_plugins.sh TALA - LV2 plugins through lilv: tala plugins lists the installed ones
# (x42-plugins is installed by build.sh) with their audio and control ports, and shows one
# in detail; a name that is none, or several, is said; LV2_PATH chooses where to look.
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
ldd "$TALA" | grep -q liblilv && ldd "$TALA" | grep -q libffi &&
    ok "tala links liblilv and libffi" || bad "ldd: $(ldd "$TALA" | grep -E 'lilv|ffi')"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
