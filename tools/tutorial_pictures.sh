#!/usr/bin/env bash
# tutorial_pictures.sh TALA [DOC] - draws docs/tutorial.md's pictures anew: after
# each marker "<!-- picture: examples/course/NN-name.tala -->", the ```tala block
# above it as a grid of steps (tala show --file, 2 bars), and a plot of the lesson
# file's first 8 bars (tala render --plot) in docs/img/lessonNN.png, up to the
# marker "<!-- /picture -->". DOC (default docs/tutorial.md) is rewritten in
# place; tests/docs/test_docs.sh runs this on a copy to see that it is current.
set -euo pipefail
tala=${1:?usage: tutorial_pictures.sh path/to/tala [DOC] [IMGDIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
doc=${2:-$root/docs/tutorial.md}
img=${3:-$root/docs/img}
mkdir -p "$img"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$tmp/out.md"
: >"$out"
block="" inside=0 skipping=0 n=0
# the pictures drawn before (if any) end with an end marker: they are replaced
drawn=$(grep -c '^<!-- /picture -->$' "$doc" || true)
while IFS= read -r line || [ -n "$line" ]; do
    if [ $skipping = 1 ]; then
        [ "$line" = "<!-- /picture -->" ] && skipping=0
        continue
    fi
    printf '%s\n' "$line" >>"$out"
    case "$line" in
    '```tala') inside=1; block="" ;;
    '```') [ $inside = 1 ] && { inside=0; printf '%s' "$block" >"$tmp/block.tala"; } ;;
    '<!-- picture: '*' -->')
        file=${line#<!-- picture: }
        file=${file% -->}
        n=$((n + 1))
        name=$(basename "$file" .tala)
        png="lesson${name%%-*}.png"
        {
            echo '```text'
            "$tala" show --file "$tmp/block.tala" --cycles 2
            echo '```'
            echo "![$name: waveform, spectrogram and loudness of its first 8 bars](img/$png)"
            echo "<!-- /picture -->"
        } >>"$out"
        (cd "$root" && "$tala" render "$file" -o "$tmp/$name.wav" --bars 8 \
            --plot "$img/$png" --plot-size 640x360 2>/dev/null)
        [ "$drawn" -gt 0 ] && skipping=1 # the old picture, up to its end marker, goes
        ;;
    *) [ $inside = 1 ] && block+="$line"$'\n' ;;
    esac
done <"$doc"
cp "$out" "$doc"
echo "$n pictures"
