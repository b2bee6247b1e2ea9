#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest `katex_render`: installs the pinned KaTeX (npm ci from the committed lockfile, once per
# lockfile, into the build tree), gathers the LaTeX the tests produce and renders every string.
# usage: run.sh SOURCE_DIR BUILD_DIR DDX DDX_TESTS
set -euo pipefail
src=$1 build=$2 ddx=$3 ddx_tests=$4
work=$build/katex
mkdir -p "$work"
if ! cmp -s "$src/tests/katex/package-lock.json" "$work/package-lock.json" || [[ ! -d $work/node_modules/katex ]]; then
  cp "$src/tests/katex/package.json" "$src/tests/katex/package-lock.json" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi
corpus=$work/corpus.tex.txt
: > "$corpus"
# The golden transcript's LaTeX answers (docs/language.md §3 and §9).
cat "$src/tests/transcripts/latex.out" >> "$corpus"
# The language examples and more, as --format latex prints them and as JSON's "latex" field carries them.
"$ddx" --format latex < "$src/tests/katex/corpus.in" >> "$corpus"
"$ddx" --format json < "$src/tests/katex/corpus.in" |
  node -e 'for (const l of require("fs").readFileSync(0, "utf8").split("\n"))
             if (l) { const o = JSON.parse(l); if (o.latex) console.log(o.latex.replace(/\n/g, " ")); }' >> "$corpus"
# Every golden transcript's answers (chains, steps, vectors, tables ...) as JSON carries them.
for t in "$src"/tests/transcripts/*.in; do
  # Some transcripts test errors on purpose, and some switch :format (their lines after it are not JSON).
  { "$ddx" --format json < "$t" 2>/dev/null || true; } |
    node -e 'for (const l of require("fs").readFileSync(0, "utf8").split("\n"))
               if (l.startsWith("{")) { const o = JSON.parse(l); if (o.latex) console.log(o.latex.replace(/\n/g, " ")); }' >> "$corpus"
done
# Random expressions, their derivatives and an exported document's rows (tests/latex_corpus_test.cpp).
DDX_LATEX_LOG=$corpus "$ddx_tests" --test-case='LaTeX corpus*' > /dev/null
echo "$(wc -l < "$corpus") LaTeX strings from the tests" >&2
NODE_PATH=$work/node_modules node "$src/tests/katex/check.js" "$corpus"
