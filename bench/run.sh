#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The one benchmark command: installs the peers if missing (GiNaC, SymPy, Maxima), builds ddx
# (Release), the GiNaC driver and the stopwatch (measure.c), then runs every cell in alternation
# and prints the table. `bench/run.sh --quick` runs the smaller size of each workload; other
# options go to run.py.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="${DDX_BENCH_BUILD:-$root/build}"

missing=()
for pkg in libginac-dev python3-sympy maxima gcc g++ pkg-config; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target ddx >/dev/null
# The peer is built here, never by ddx's CMake: ddx does not depend on GiNaC.
driver="$build/bench_ginac_driver"
if [[ ! -x "$driver" || "$here/ginac_driver.cpp" -nt "$driver" ]]; then
  g++ -O2 -std=c++17 -o "$driver" "$here/ginac_driver.cpp" $(pkg-config --cflags --libs ginac)
fi
measure="$build/bench_measure"
if [[ ! -x "$measure" || "$here/measure.c" -nt "$measure" ]]; then
  gcc -O2 -static -o "$measure" "$here/measure.c"
fi
exec python3 "$here/run.py" --ddx "$build/ddx" --measure "$measure" --ginac "$driver" --python /usr/bin/python3 "$@"
