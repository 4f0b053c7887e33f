#!/bin/sh
# check_layers.sh LAYER=ARCHIVE:LOWER+LOWER ... - the linker's view of the
# one-way architecture (docs/architecture.md). Each folder is a static
# library; a symbol one of its objects needs must be defined in the same
# folder, in a layer it names as below it, or outside the project (libc,
# libm, PortAudio...). A call upward or sideways fails the build with the
# object, the symbol and the folder that defines it.
#
#   vm=build/libtala_vm.a:            (nothing below vm)
#   lang=build/libtala_lang.a:vm+spec
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/layers"
for arg in "$@"; do
    name=${arg%%=*}
    rest=${arg#*=}
    archive=${rest%%:*}
    below=${rest#*:}
    [ -f "$archive" ] || { echo "check_layers: no archive $archive" >&2; exit 2; }
    nm -g --defined-only "$archive" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/$name.def"
    echo "$name $archive $below" >>"$tmp/layers"
done
bad=0
while read -r name archive below; do
    # objects' undefined symbols: "archive:object: U symbol"
    nm -A -u "$archive" 2>/dev/null | sed 's/^[^:]*:\([^:]*\):[[:space:]]*U[[:space:]]*/\1 /' |
        while read -r obj sym; do
            grep -qx "$sym" "$tmp/$name.def" && continue
            for other in $(cut -d' ' -f1 "$tmp/layers"); do
                [ "$other" = "$name" ] && continue
                grep -qx "$sym" "$tmp/$other.def" || continue
                case "+$below+" in
                *"+$other+"*) ;;
                *) echo "layer check: $name/${obj%.o} calls $sym, defined in $other/ (not a layer below $name: $below)" ;;
                esac
            done
        done >>"$tmp/violations"
done <"$tmp/layers"
if [ -s "$tmp/violations" ]; then
    cat "$tmp/violations" >&2
    echo "layer check: $(wc -l <"$tmp/violations") upward or sideways calls; arrows must point down (docs/architecture.md)" >&2
    exit 1
fi
exit 0
