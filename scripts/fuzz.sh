#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang-14, ASan + UBSan) in ./build-fuzz (or
# $FUZZ_BUILD_DIR) and runs each for SECONDS (default 60), one after another on one core.
# Seed corpora are copied at run time from tests/data (and the sample bundles' .txt/.csv, as
# tests/data has none), never kept in git; what a run adds stays in build-fuzz/corpus/ for the
# next run. Committed regression inputs (fuzz/regressions/<target>/) run first.
# A crash, sanitizer report, leak, timeout (FUZZ_TIMEOUT s per input, default 25) or
# out-of-memory (FUZZ_RSS_MB, default 2048) fails the script; the input is saved under
# build-fuzz/artifacts/<target>/ to become a regression fixture. A finding whose stack holds a
# frame listed in fuzz/pending/known.txt (fixed on another branch) is reported, not failed.
# Usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: docx odt html pdf xlsx txt csv extract)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(docx odt html pdf xlsx txt csv extract)
dir=${FUZZ_BUILD_DIR:-build-fuzz}
# The same configuration as scripts/test-sanitize.sh, so CI builds the library once for both.
CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DTFAUDIT_FUZZ=ON >/dev/null
cmake --build "$dir" -j"${FUZZ_JOBS:-$(nproc)}" --target $(printf 'fuzz_%s ' "${targets[@]}")

# Seeds for one target: the files of its format (every format for the extraction target).
seed() {
    local t=$1 out=$2
    mkdir -p "$out"
    case $t in
        txt | csv) find "$root/samples/bundles" -name "*.$t" -size -64k -exec cp -n {} "$out/" \; ;;
        extract) find "$root/tests/data" "$root/samples/bundles/kestrel-clean-1" -type f -size -512k \
                     \( -name "*.docx" -o -name "*.odt" -o -name "*.html" -o -name "*.pdf" -o -name "*.xlsx" -o -name "*.csv" \) \
                     -exec cp -n {} "$out/" \; ;;
        *) find "$root/tests/data" -name "*.$t" -size -512k -exec cp -n {} "$out/" \; ;;
    esac
    if [[ $t == txt ]]; then printf 'Family reference: FR-1\nName: Alex\n' >"$out/seed.txt"; fi
}

# True when the sanitizer report in log $1 has a frame listed in fuzz/pending/known.txt.
known_finding() {
    local f
    while read -r f; do
        [[ -z $f || $f == \#* ]] && continue
        sed -n '/ERROR: /,/SUMMARY: /p' "$1" | grep -qF -- "$f" && return 0
    done <fuzz/pending/known.txt
    return 1
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$root/scripts/sanitizers/ubsan.supp}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/scripts/sanitizers/lsan.supp:print_suppressions=0}
failed=()
for t in "${targets[@]}"; do
    bin="$dir/fuzz/fuzz_$t"
    corpus="$dir/corpus/$t"
    art="$dir/artifacts/$t"
    seed "$t" "$corpus"
    mkdir -p "$art"
    if compgen -G "fuzz/regressions/$t/*" >/dev/null; then
        if ! "$bin" -timeout="${FUZZ_TIMEOUT:-25}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" fuzz/regressions/"$t"/* \
            >"$dir/fuzz-$t-regressions.log" 2>&1; then
            echo "fuzz $t: a regression input fails again (see $dir/fuzz-$t-regressions.log)"
            failed+=("$t")
            continue
        fi
    fi
    echo "fuzz $t: ${seconds}s"
    if ! "$bin" "$corpus" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-25}" \
        -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -max_len="${FUZZ_MAX_LEN:-262144}" -print_final_stats=1 \
        -artifact_prefix="$art/" >"$dir/fuzz-$t.log" 2>&1; then
        if known_finding "$dir/fuzz-$t.log"; then
            echo "fuzz $t: stopped on a known finding waiting for another branch (fuzz/pending/README.md)"
            continue
        fi
        echo "fuzz $t: FAILED, input in $art/ (log: $dir/fuzz-$t.log)"
        grep -m3 "ERROR\|SUMMARY\|runtime error" "$dir/fuzz-$t.log" || true
        failed+=("$t")
    else
        grep -m1 "stat::number_of_executed_units" "$dir/fuzz-$t.log" || true
    fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzzing found problems in: ${failed[*]}"
    exit 1
fi
echo "fuzzing: ${#targets[@]} targets ran ${seconds}s each with no finding"
