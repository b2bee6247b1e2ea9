#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The sanitizer build and the fuzzers. One clang build with AddressSanitizer +
# UndefinedBehaviorSanitizer (+ libFuzzer coverage) serves both the whole test suite and the
# libFuzzer targets, so CI compiles the project only twice in all (Release and this).
#   run.sh build DIR                 configure + build DIR with clang, ASan, UBSan, fuzz targets
#   run.sh suite DIR                 run DIR's ctest (the suite under the sanitizers, but KaTeX and packaging)
#   run.sh fuzz DIR TARGET SECONDS   fuzz TARGET (parse_fuzz | statement_fuzz | semantic_fuzz) for SECONDS
#                                    from the transcripts' lines; crashers are left in DIR/fuzz-TARGET/
#                                    (artifacts)
#   run.sh campaign DIR TARGET SECONDS
#                                    a long campaign: fork mode on both cores, crashes, timeouts
#                                    and OOMs recorded in DIR/fuzz-TARGET/ and the campaign goes on
#   run.sh replay DIR                run every target once over tests/fuzz/regressions/
# DDX_FUZZ_SEED fixes libFuzzer's random seed (0, the default, picks a new one each run).
# Both modes use ddx.dict (keywords, commands, operators, the Unicode forms), except for
# semantic_fuzz, whose input is not text but the choices of a formula generator (its seeds are the
# semantic-* regressions).
# Long statement campaigns: DDX_FUZZ_DEADLINE_MS (default 200) and DDX_FUZZ_NODE_LIMIT (default
# ddx's 3,000,000) keep each input cheap (campaign uses 10 and 30000). Fork mode restarts its
# workers, which keeps them small and fast.
# `suite` runs with DDX_RECLAIM_EVERY_LINE=1: ddx frees unreachable expression nodes after every
# line instead of when they have doubled, so a node freed while still in use shows under ASan (the
# Release suite runs with the ordinary policy). Entropic scheduling is off in campaigns: with ~60,000 features it took half of
# each worker's time. For speed, a campaign build may drop the comparison tracing
# (-fno-sanitize-coverage=trace-cmp, about 2x faster); ddx.dict supplies the keywords instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
mode="${1:?usage: run.sh build|suite|fuzz|campaign|replay DIR ...}"
dir="${2:?build directory}"
cxx="${DDX_FUZZ_CXX:-clang++-14}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# The dictionary option for a target (semantic_fuzz reads no text).
dict() { [[ "$1" == semantic_fuzz ]] || echo "-dict=$here/ddx.dict"; }

case "$mode" in
  build)
    command -v "$cxx" >/dev/null || { echo "run.sh: $cxx not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1; }
    # Line tables, not full debug information: a report still names file and line, and the build
    # (Spirit's templates above all) is faster: it is most of the test command's time.
    cmake -S "$src" -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
      -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -fsanitize=fuzzer-no-link" \
      -DDDX_FUZZ=ON -DDDX_SANITIZER_TESTS=OFF >/dev/null
    cmake --build "$dir" -j2
    ;;
  suite)
    # (Not the tests whose work is mostly outside ddx: KaTeX rendering its LaTeX, building the
    # Debian package, and SymPy, Maxima, Python and a C compiler reading its other systems'
    # formats; nor those whose time goes to numeric searches in 60-digit arithmetic over the same
    # few paths (critical's searches, 75 s of the suite's 430 under the sanitizers) or to one
    # chain of 50,000 definitions. The Release suite runs them all. CI took 926 s of its 15
    # minutes on a machine of 2096 MHz before these were left out.)
    other_systems='sympy: each answer|maxima: each answer|python and numpy: the generated|c: the generated functions'
    other_systems+='|sums: the generated code and the dialects|sympy: derivatives of an abstract|numpy: whole numbers'
    numeric_searches='critical: a numeric search|critical: no point|critical: a constant ddx does not recognise'
    numeric_searches+='|critical: a multiple zero along|a chain of 50,000 definitions'
    numeric_searches+='|critical: points of lines of critical points|critical: a curve in space'
    DDX_RECLAIM_EVERY_LINE=1 ctest --test-dir "$dir" --output-on-failure -j2 \
      -E "^(katex_render$|debian_package$|$other_systems|$numeric_searches)"
    ;;
  seeds)
    target="${3:?target}"
    work="$dir/fuzz-$target"
    mkdir -p "$work/corpus" "$work/seeds"
    # The semantic fuzzer's input is the choices of a formula generator, not text: it starts from
    # its own regressions and a few byte strings.
    if [[ "$target" == semantic_fuzz ]]; then
      cp "$here"/regressions/semantic-* "$work/seeds/" 2>/dev/null || true
      for c in a b c d e f g h; do printf '%s' "$c${c}seed$c-abcdefghijklmnopqrstuvwxyz0123456789" >"$work/seeds/start-$c"; done
      exit 0
    fi
    # Seeds: every transcript line, plus (statements, but for a short run: `seeds DIR TARGET lines`)
    # every whole transcript, plus every regression. Running the whole transcripts under the
    # sanitizers took most of the statement smoke run's 65 s, before any fuzzing.
    n=0
    for f in "$src"/tests/transcripts/*.in; do
      while IFS= read -r line; do printf '%s' "$line" >"$work/seeds/line$((n++))"; done <"$f"
    done
    [[ "$target" == parse_fuzz || "${4:-}" == lines ]] || cp "$src"/tests/transcripts/*.in "$work/seeds/"
    cp "$here"/regressions/* "$work/seeds/" 2>/dev/null || true
    ;;
  fuzz)
    target="${3:?target}"
    seconds="${4:?seconds}"
    work="$dir/fuzz-$target"
    "$0" seeds "$dir" "$target" lines
    cd "$work"
    "$dir/tests/fuzz/$target" -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
      -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/" \
      -seed="${DDX_FUZZ_SEED:-0}" $(dict "$target") \
      "$work/corpus" "$work/seeds"
    ;;
  campaign)
    target="${3:?target}"
    seconds="${4:?seconds}"
    export DDX_FUZZ_DEADLINE_MS="${DDX_FUZZ_DEADLINE_MS:-10}" DDX_FUZZ_NODE_LIMIT="${DDX_FUZZ_NODE_LIMIT:-30000}"
    "$0" seeds "$dir" "$target"
    cd "$dir/fuzz-$target"
    "$dir/tests/fuzz/$target" -fork=2 -entropic=0 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -max_len=4096 -rss_limit_mb=2048 -timeout=10 -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$dir/fuzz-$target/" $(dict "$target") corpus seeds
    ;;
  replay)
    for target in parse_fuzz statement_fuzz semantic_fuzz; do
      files=("$here"/regressions/*)
      [[ -e "${files[0]}" ]] || break
      "$dir/tests/fuzz/$target" -rss_limit_mb=2048 -timeout=10 "${files[@]}"
    done
    ;;
  *)
    echo "run.sh: unknown mode '$mode'" >&2
    exit 2
    ;;
esac
