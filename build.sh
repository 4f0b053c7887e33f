#!/usr/bin/env bash
# build.sh - the one entry point for tala.
#
#   ./build.sh          install what is missing, then build build/tala
#   ./build.sh test     build (warnings as errors) and run every test suite,
#                       then again under AddressSanitizer + UBSan
#   ./build.sh demo     build and play examples/demo.tala (render it without a device)
#   ./build.sh bench    build and run the benchmarks in bench/
#   ./build.sh fuzz [S] run the libFuzzer targets for S seconds in all (default 600)
#   ./build.sh soak [M] a scripted set of M minutes on the offline clock (default 60)
#   ./build.sh deps     only install the system packages
#   ./build.sh clean    remove the build folders
#
# Exit status: 0 success, 1 a build or test failure, 2 usage, 3 missing
# system packages that could not be installed.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

# Debian/Ubuntu packages the build and the tests need.
PKGS=(build-essential cmake pkg-config libcmocka-dev clang-format libsndfile1-dev sox
      portaudio19-dev libreadline-dev jackd2 clang libclang-rt-dev tmux librtmidi-dev
      libsmf-dev libffi-dev liblilv-dev x42-plugins libfluidsynth-dev libxml2-dev
      sonic-pi-samples hydrogen-drumkits fluid-soundfont-gm strace libebur128-dev
      libcairo2-dev libfftw3-dev liblo-dev liblo-tools ableton-link-dev ableton-link-utils iproute2
      neovim emacs-nox nodejs)

log() { printf '\033[1m== %s\033[0m\n' "$*"; }

missing_pkgs() {
    local p
    for p in "${PKGS[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
    done
}

deps() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        # Not Debian: check for the tools themselves and say what is needed.
        local ok=1
        command -v cmake >/dev/null || { echo "tala needs cmake" >&2; ok=0; }
        command -v cc >/dev/null || { echo "tala needs a C11 compiler (gcc or clang)" >&2; ok=0; }
        command -v pkg-config >/dev/null || { echo "tala needs pkg-config" >&2; ok=0; }
        pkg-config --exists cmocka 2>/dev/null || { echo "tala's tests need cmocka" >&2; ok=0; }
        [ $ok = 1 ] || exit 3
        return
    fi
    local missing
    missing=$(missing_pkgs | tr '\n' ' ')
    [ -z "${missing// /}" ] && return
    if [ "$(id -u)" = 0 ]; then
        log "installing: $missing"
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        log "installing: $missing"
        sudo apt-get update -qq
        # shellcheck disable=SC2086
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
    else
        echo "tala needs these packages; install them with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
        exit 3
    fi
}

njobs() { nproc 2>/dev/null || echo 2; }

# configure_build DIR [cmake options...]
configure_build() {
    local dir=$1
    shift
    cmake -S "$ROOT" -B "$ROOT/$dir" "$@" >/dev/null
    cmake --build "$ROOT/$dir" -j "$(njobs)"
}

build() {
    deps
    log "building build/tala"
    configure_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
}

# ---- test running: every suite adds to the totals printed at the end ----

TOTAL_PASS=0
TOTAL_FAIL=0
FAILED_SUITES=()
SUITE_TIMES=()

# run_suite NAME COMMAND...: runs a suite, echoes its output, and counts its
# cmocka summaries or its final "N passed, N failed" line.
run_suite() {
    local name=$1
    shift
    local out rc=0 began=$SECONDS
    out=$(mktemp)
    "$@" >"$out" 2>&1 || rc=$?
    cat "$out"
    SUITE_TIMES+=("$((SECONDS - began)) $name")
    local p f
    if grep -q '^\[  PASSED  \]\|^\[  FAILED  \]' "$out"; then
        p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
        f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
    elif grep -q '^[0-9]* passed, [0-9]* failed$' "$out"; then
        p=$(grep '^[0-9]* passed, [0-9]* failed$' "$out" | tail -1 | awk '{print $1}')
        f=$(grep '^[0-9]* passed, [0-9]* failed$' "$out" | tail -1 | awk '{print $3}')
    else
        p=0
        f=1
    fi
    # A crash or non-zero exit counts as a failure even if the counts looked fine.
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    TOTAL_PASS=$((TOTAL_PASS + p))
    TOTAL_FAIL=$((TOTAL_FAIL + f))
    [ "$f" = 0 ] || FAILED_SUITES+=("$name")
    rm -f "$out"
}

# run_all DIR LABEL: every suite against one build.
run_all() {
    local dir=$1 label=$2 t nostress
    for t in "$ROOT/$dir"/test_*; do
        [ -x "$t" ] || continue
        log "$label: $(basename "$t")"
        case "$(basename "$t")" in test_controls | test_eval_latency) nostress=yes ;; *) nostress= ;; esac
        if [ -n "$nostress" ] && [ -n "${TALA_GC_STRESS:-}" ]; then
            # about sound and time, not the collector: test_controls' 240 renders
            # (test_library runs every control's expressions with it stressed), and the
            # scheduler keeping time through a long evaluation, which a collection at
            # every allocation would measure instead: sanitized, without the stress
            run_suite "$label/$(basename "$t")" env -u TALA_GC_STRESS "$t"
        else
            run_suite "$label/$(basename "$t")" "$t"
        fi
    done
    log "$label: conformance (mini-notation)"
    run_suite "$label/conformance-mini" sh "$ROOT/tests/conformance/check.sh" "$ROOT/$dir/tala" \
        "$ROOT/tests/conformance/mini"
    log "$label: conformance (functions)"
    run_suite "$label/conformance-functions" sh "$ROOT/tests/conformance/check.sh" "$ROOT/$dir/tala" \
        "$ROOT/tests/conformance/functions"
    log "$label: conformance (Strudel's functions tala added)"
    local corpus="$ROOT/tests/conformance/strudel" sample
    if [ "$label" = asan ]; then
        # every eighth case (the release pass runs all of them; test_library, above, has
        # run every name's expressions under ASan with the collector stressed): a sanitized,
        # stressed process for each of 1400 cases would cost ten minutes
        sample=$(mktemp -d)
        for f in "$corpus"/*.pat; do
            n=$(basename "$f" .pat)
            [ $((10#$n % 8)) = 0 ] && ln -s "$f" "$sample/" && ln -s "${f%.pat}.out" "$sample/"
        done
        corpus=$sample
    fi
    run_suite "$label/conformance-strudel" sh "$ROOT/tests/conformance/check.sh" "$ROOT/$dir/tala" \
        "$corpus"
    [ -n "${sample:-}" ] && rm -rf "$sample"
    log "$label: Strudel (surface syntax, tunes)"
    run_suite "$label/strudel" bash "$ROOT/tests/cli/test_strudel.sh" "$ROOT/$dir/tala"
    # (sanitized, the tunes' sound is rendered 1 bar long: their events are all checked)
    run_suite "$label/strudel-tunes" env TALA_TUNES_BARS="$([ "$label" = asan ] && echo 1 || echo 8)" \
        bash "$ROOT/tests/strudel/test_tunes.sh" "$ROOT/$dir/tala"
    log "$label: command line"
    run_suite "$label/cli" bash "$ROOT/tests/cli/test_cli.sh" "$ROOT/$dir/tala"
    run_suite "$label/mistakes" bash "$ROOT/tests/teaching/test_mistakes.sh" "$ROOT/$dir/tala"
    run_suite "$label/ffi" bash "$ROOT/tests/cli/test_ffi.sh" "$ROOT/$dir/tala"
    run_suite "$label/plugins" bash "$ROOT/tests/cli/test_plugins.sh" "$ROOT/$dir/tala"
    run_suite "$label/sounds" bash "$ROOT/tests/cli/test_sounds.sh" "$ROOT/$dir/tala"
    run_suite "$label/ext" bash "$ROOT/tests/cli/test_ext.sh" "$ROOT/$dir/tala" \
        "$ROOT/$dir/examples/ext/fold.so" "$ROOT/$dir/pty_drive"
}

# Every C file formatted as .clang-format says.
format_check() {
    local files bad=0 f
    files=$(cd "$ROOT" && { git ls-files '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]' -not -path './build*'; })
    for f in $files; do
        if ! clang-format --dry-run --Werror "$ROOT/$f" >/dev/null 2>&1; then
            echo "not formatted: $f (run: clang-format -i $f)"
            bad=$((bad + 1))
        fi
    done
    if [ $bad = 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; return 1; fi
}

test_all() {
    deps
    log "building build/ (warnings are errors)"
    configure_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTALA_WERROR=ON
    run_all build "release"
    log "corpus copy matches ../shared"
    run_suite "corpus-drift" bash "$ROOT/tests/conformance/drift.sh"
    log "code is clang-formatted"
    run_suite "format" format_check
    log "the examples in README.md and docs/ run"
    run_suite "docs" bash "$ROOT/tests/docs/test_docs.sh" "$ROOT/build/tala"
    log "architecture: layers, includes, file sizes"
    run_suite "layers" bash "$ROOT/tests/arch/test_layers.sh" "$ROOT/build"
    log "golden renders: every sample of every ugen, example and workload unchanged"
    run_suite "golden" bash "$ROOT/tests/golden/test_golden.sh" "$ROOT/build/tala"
    log "the course: ten lessons, each 8 bars rendered and measured"
    run_suite "course" bash "$ROOT/tests/course/test_course.sh" "$ROOT/build/tala"
    log "production: the example song mastered to -14 LUFS, its DAW bundle"
    run_suite "production" bash "$ROOT/tests/production/test_song.sh" "$ROOT/build/tala"
    log "soak: a 2-minute scripted set on the offline clock (./build.sh soak MINUTES for more)"
    run_suite "soak" "$ROOT/build/tala_soak" 2
    log "REPL in a pseudo-terminal"
    run_suite "repl" bash "$ROOT/tests/live/test_repl.sh" "$ROOT/build/tala" "$ROOT/build/pty_drive"
    log "the REPL's whole screen in a terminal (tmux)"
    run_suite "screen" bash "$ROOT/tests/live/test_screen.sh" "$ROOT/build/tala"
    log "real time: 30 s through PortAudio on a JACK dummy server"
    run_suite "live" bash "$ROOT/tests/live/test_live.sh" "$ROOT/build/tala" \
        "$ROOT/build/libtala_alloc_count.so"
    log "MIDI files: render --midi and replay --midi read back with libsmf"
    run_suite "midifile" bash "$ROOT/tests/io/test_midifile.sh" "$ROOT/build/tala" "$ROOT/build/midi_dump"
    log "MIDI out in real time: a JACK dummy server and an RtMidi listener"
    run_suite "midi" bash "$ROOT/tests/live/test_midi.sh" "$ROOT/build/tala" "$ROOT/build/midi_listen" \
        "$ROOT/build/pty_drive"
    log "OSC: tala --listen and tala send (eval, hush, tempo, set, bad packets)"
    run_suite "osc" bash "$ROOT/tests/live/test_osc.sh" "$ROOT/build/tala"
    log "SuperDirt: every sound event as /dirt/play bundles, received with liblo's oscdump"
    run_suite "superdirt" bash "$ROOT/tests/live/test_superdirt.sh" "$ROOT/build/tala"
    log "editors: Neovim, Emacs and VS Code's extension drive a running tala"
    run_suite "editors" bash "$ROOT/tests/editors/test_editors.sh" "$ROOT/build/tala"
    log "Ableton Link: two talas in network namespaces, a tempo change, their bar lines"
    run_suite "link" bash "$ROOT/tests/live/test_link.sh" "$ROOT/build/tala"
    log "faults: the JACK server killed or stalled mid-set, :reconnect, SIGTERM, Ctrl-C"
    run_suite "faults" bash "$ROOT/tests/live/test_faults.sh" "$ROOT/build/tala" "$ROOT/build/pty_drive"

    log "building build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer)"
    configure_build build-asan -DCMAKE_BUILD_TYPE=Debug -DTALA_WERROR=ON -DTALA_SANITIZE=ON
    # Collect at every allocation, so a value the collector cannot see fails here.
    export TALA_GC_STRESS=1
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    export LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run_all build-asan "asan"
    unset TALA_GC_STRESS
    log "asan: REPL and --watch in a pseudo-terminal (the live file path)"
    run_suite "asan/repl" bash "$ROOT/tests/live/test_repl.sh" "$ROOT/build-asan/tala" \
        "$ROOT/build-asan/pty_drive"
    log "asan: MIDI out, its files"
    run_suite "asan/midi" bash "$ROOT/tests/live/test_midi.sh" "$ROOT/build-asan/tala" \
        "$ROOT/build-asan/midi_listen" "$ROOT/build-asan/pty_drive"
    run_suite "asan/midifile" bash "$ROOT/tests/io/test_midifile.sh" "$ROOT/build-asan/tala" \
        "$ROOT/build-asan/midi_dump"
    log "asan: OSC, its bad packets"
    run_suite "asan/osc" bash "$ROOT/tests/live/test_osc.sh" "$ROOT/build-asan/tala"
    run_suite "asan/superdirt" bash "$ROOT/tests/live/test_superdirt.sh" "$ROOT/build-asan/tala"
    run_suite "asan/link" bash "$ROOT/tests/live/test_link.sh" "$ROOT/build-asan/tala"
    log "asan: the device lost and found again, signals"
    run_suite "asan/faults" bash "$ROOT/tests/live/test_faults.sh" "$ROOT/build-asan/tala" \
        "$ROOT/build-asan/pty_drive"

    log "building build-fuzz/ (clang, libFuzzer): the fuzzers must always build"
    run_suite "fuzz-build" fuzz_build_check
    log "fuzz: every seed and saved crash once through each target"
    run_suite "fuzz-smoke" fuzz_smoke

    echo
    if [ ${#FAILED_SUITES[@]} -gt 0 ]; then
        echo "failed suites: ${FAILED_SUITES[*]}"
    fi
    echo "the slowest suites (seconds), of $SECONDS in all:"
    printf '%s\n' "${SUITE_TIMES[@]}" | sort -rn | head -12 | sed 's/^/    /'
    echo "$TOTAL_PASS passed, $TOTAL_FAIL failed"
    [ "$TOTAL_FAIL" = 0 ]
}

# The libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang, ASan and UBSan.
build_fuzz() {
    CC=clang CXX=clang++ configure_build build-fuzz -DCMAKE_BUILD_TYPE=Debug -DTALA_SANITIZE=ON \
        -DTALA_FUZZ=ON -DTALA_TESTS=OFF -DTALA_WERROR=ON
}

fuzz_build_check() {
    if build_fuzz >"$ROOT/build-fuzz.log" 2>&1; then
        echo "1 passed, 0 failed"
    else
        tail -30 "$ROOT/build-fuzz.log"
        echo "0 passed, 1 failed"
        return 1
    fi
}

# Each libFuzzer target runs its seeds and saved crashes once (no mutation).
fuzz_smoke() {
    local t n=0 bad=0 name
    for t in "$ROOT"/build-fuzz/fuzz_*; do
        [ -x "$t" ] || continue
        name=$(basename "$t")
        name=${name#fuzz_}
        mkdir -p "$ROOT/tests/fuzz/crashes/$name"
        if ASAN_OPTIONS=detect_leaks=0 "$t" -runs=0 "$ROOT/tests/fuzz/seeds/$name" \
            "$ROOT/tests/fuzz/crashes/$name" >/dev/null 2>&1; then
            n=$((n + 1))
        else
            echo "fuzz target fuzz_$name fails on its seeds or saved crashes"
            bad=$((bad + 1))
        fi
    done
    echo "$n passed, $bad failed"
    [ "$bad" = 0 ] && [ "$n" -gt 0 ]
}

# ./build.sh fuzz [SECONDS]: every libFuzzer target in turn, the time shared
# between them (default 600 s in all). Crashes land in tests/fuzz/crashes/TARGET/,
# which the test suite replays forever after.
fuzz() {
    local secs=${1:-600} t name rc=0 each
    deps
    log "building build-fuzz/ (clang, libFuzzer, ASan, UBSan)"
    build_fuzz
    local targets=("$ROOT"/build-fuzz/fuzz_*)
    each=$((secs / ${#targets[@]}))
    [ "$each" -ge 1 ] || each=1
    for t in "${targets[@]}"; do
        name=$(basename "$t")
        name=${name#fuzz_}
        mkdir -p "$ROOT/build-fuzz/corpus/$name" "$ROOT/tests/fuzz/crashes/$name"
        cp "$ROOT"/tests/fuzz/seeds/"$name"/* "$ROOT/build-fuzz/corpus/$name/"
        log "fuzzing $name for $each seconds"
        (cd "$ROOT/build-fuzz" && ASAN_OPTIONS=detect_leaks=0 "$t" -max_total_time="$each" \
            -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$ROOT/tests/fuzz/crashes/$name/" "corpus/$name") 2>&1 |
            tee "$ROOT/build-fuzz/fuzz-$name.log" |
            grep -E "^#[0-9]+.*DONE|ERROR|stat::number_of_executed_units|stat::peak_rss|Done" || true
        if grep -q "ERROR: libFuzzer\|ERROR: AddressSanitizer\|runtime error" "$ROOT/build-fuzz/fuzz-$name.log"; then
            echo "the $name fuzzer found a crash: see tests/fuzz/crashes/$name/ (commit it; the tests replay it)"
            rc=1
        fi
    done
    return $rc
}

# ./build.sh demo: builds, then plays examples/demo.tala (with the REPL on a
# terminal: edit it live). Without an audio device it says so and renders
# demo.wav in the project root instead.
demo() {
    build
    if "$ROOT/build/tala" devices 2>/dev/null | grep -q "Hz"; then
        log "playing examples/demo.tala (:quit or Ctrl-D to stop; edit the file with --watch)"
        "$ROOT/build/tala" "$ROOT/examples/demo.tala"
    else
        log "no audio device here: rendering examples/demo.tala instead"
        "$ROOT/build/tala" render "$ROOT/examples/demo.tala" -o "$ROOT/demo.wav" --bars 16
        echo "listen to $ROOT/demo.wav"
    fi
}

# ./build.sh soak [MINUTES]: a scripted live set (24 tracks, an evaluation every
# bar) on the offline clock, checked for NaN, clipping, heap growth and a
# bit-exact replay of its log (tests/soak/soak.c). Default 60 minutes of audio.
soak() {
    build
    log "soak: ${1:-60} minutes of audio"
    "$ROOT/build/tala_soak" "${1:-60}" "${2:-20261205}"
}

bench() {
    PKGS+=(time) # GNU time measures every engine the same way
    build
    log "pattern query throughput"
    "$ROOT/build/bench_query" "${1:-[bd*16, hh*32, <sn cp>*8]}" "${2:-10000}"
    log "pattern queries: tala against Strudel 1.2.6 (bench/queries.sh; node, if there is one)"
    bash "$ROOT/bench/queries.sh" "$ROOT/build/tala"
    log "compile time of a 200-line program"
    "$ROOT/build/bench_compile"
    log "Enter to scheduled: a block evaluated in a playing session"
    "$ROOT/build/bench_swap"
    log "workloads W1-W3: tala against ChucK, scsynth and Csound (bench/WORKLOADS.md)"
    # run-peers.sh installs the peer engines with apt-get when they are missing
    bash "$ROOT/bench/workloads.sh" "$ROOT/build/tala"
}

case "${1:-build}" in
build) build ;;
test) test_all ;;
bench) shift; bench "$@" ;;
fuzz) shift; fuzz "$@" ;;
soak) shift; soak "$@" ;;
demo) demo ;;
deps) deps ;;
clean) rm -rf build build-asan build-fuzz ;;
*)
    echo "usage: ./build.sh [build|test|demo|bench|fuzz [SECONDS]|soak [MINUTES]|deps|clean]" >&2
    exit 2
    ;;
esac
