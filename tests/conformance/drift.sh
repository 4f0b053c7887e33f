#!/usr/bin/env bash
# drift.sh - the in-repo corpus (tests/conformance) must stay identical to
# the shared one (../shared/conformance) when that exists, so that a clone
# without ../shared runs exactly the cases the project is held to.
here=$(cd "$(dirname "$0")" && pwd)
shared=${TALA_SHARED:-$here/../../../shared}/conformance
if [ ! -d "$shared" ]; then
    echo "no shared corpus at $shared: nothing to compare"
    echo "1 passed, 0 failed"
    exit 0
fi
fail=0
for item in README.md check.sh mini functions; do
    if ! diff -r -q "$shared/$item" "$here/$item" >/dev/null 2>&1; then
        echo "DRIFT: tests/conformance/$item differs from $shared/$item"
        diff -r -q "$shared/$item" "$here/$item" | head -20
        fail=1
    fi
done
if [ $fail = 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; exit 1; fi
