#!/usr/bin/env bash
# test_golden.sh TALA [--update] - golden hashes of the sample data of renders
# that cover every unit generator, effect, instrument and the benchmark
# workloads. A refactoring must leave every sample bit-identical: the hash is
# taken of the samples (sox to raw 32-bit float), not of the file's bytes, so
# a change of header does not count and a change of one sample does.
# --update rewrites hashes.txt (only when a sound is meant to change: say why
# in the commit).
set -u
tala=${1:?usage: test_golden.sh path/to/tala [--update]}
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the sample folder every_ugen.tala plays: three made by sox, the same each time
mkdir -p "$work/samples/tick"
for i in 0 1 2; do
    sox -D -n -r 48000 -c $((i % 2 + 1)) -b 16 "$work/samples/tick/$i.wav" \
        synth 0.2$i sine $((500 + i * 300)) fade 0 0.2$i 0.1 vol 0.5
done
cp "$here/every_ugen.tala" "$work/"

# NAME FILE BARS
renders=(
    "every_ugen $work/every_ugen.tala 8"
    "demo $root/examples/demo.tala 8"
    "ensemble $root/examples/ensemble.tala 8"
    "w1 $root/bench/tala/w1_osc_bank.tala 2"
    "w2 $root/bench/tala/w2_drum_machine.tala 8"
    "w3 $root/bench/tala/w3_poly_synth.tala 4"
)
for f in "$root"/examples/course/*.tala; do
    renders+=("course-$(basename "$f" .tala) $f 4")
done

pass=0 fail=0
got="$work/hashes.txt"
: >"$got"
for r in "${renders[@]}"; do
    set -- $r
    name=$1 file=$2 bars=$3
    if ! "$tala" render "$file" -o "$work/$name.wav" --bars "$bars" >/dev/null 2>"$work/err"; then
        echo "FAIL $name: the render failed"; sed 's/^/    /' "$work/err" | head -5
        fail=$((fail + 1)); continue
    fi
    h=$(sox -D "$work/$name.wav" -t f32 - 2>/dev/null | sha256sum | cut -c1-64)
    echo "$name $h" >>"$got"
done

if [ "$update" = "--update" ]; then
    cp "$got" "$here/hashes.txt"
    echo "wrote $here/hashes.txt"
fi
while read -r name h; do
    want=$(awk -v n="$name" '$1 == n { print $2 }' "$here/hashes.txt")
    if [ "$want" = "$h" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL $name: samples differ from the golden hash (${want:-none} -> $h)"
        fail=$((fail + 1))
    fi
done <"$got"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
