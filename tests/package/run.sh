#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest `debian_package`: `cpack -G DEB` builds a package holding ddx, its man page and its bash
# completion, depending (dpkg-shlibdeps) on the package of every shared library it loads (none when
# it is linked statically); the completion script completes options
# and format names; the packaged ddx answers.
# usage: run.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" > "$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/ddx_*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/ddx ./usr/share/man/man1/ddx.1 ./usr/share/bash-completion/completions/ddx; do
  grep -q " $f\$" <<< "$contents" || { echo "missing from the package: $f"; exit 1; }
done
info=$(dpkg-deb -I "$deb")
dpkg-deb -x "$deb" "$out/root"
# Every shared library the packaged ddx loads comes from a package it depends on. (Built with GCC
# and DDX_STATIC_LIBRARIES on, the default, ddx is a static program and loads none: then it must
# have no program interpreter either, or it would fail to start where that is missing.)
needed=$(readelf -d "$out/root/usr/bin/ddx" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if [[ -z $needed ]] && readelf -l "$out/root/usr/bin/ddx" | grep -q 'Requesting program interpreter'; then
  echo "the packaged ddx names a program interpreter but no shared library"; exit 1
fi
# Read whole, not through a pipe to a reader that stops early (under pipefail the writer's SIGPIPE
# would end this script without a word).
cache=$(ldconfig -p)
for lib in $needed; do
  path=$(awk -v lib="$lib" '$1 == lib && /x86-64/ { print $NF }' <<< "$cache" | sed -n 1p)
  [[ -n $path ]] || path=$(awk -v lib="$lib" '$1 == lib { print $NF }' <<< "$cache" | sed -n 1p)
  [[ -n $path ]] || { echo "ddx loads $lib, which ldconfig does not know"; exit 1; }
  dep=$( (dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path") | sed -n '1s/:.*//p')
  grep -q "Depends:.*\b$dep\b" <<< "$info" ||
    { echo "ddx loads $lib (package $dep), which the package does not depend on"; echo "$info"; exit 1; }
done
[[ $("$out/root/usr/bin/ddx" -e 'd/dx (3x+4)^2') == "18x + 24" ]] || { echo "the packaged ddx does not answer"; exit 1; }
grep -q '^\.SH OPTIONS' "$out/root/usr/share/man/man1/ddx.1"
# The completion script, as bash runs it: options after -, format names after --format.
completion=$out/root/usr/share/bash-completion/completions/ddx
got=$(bash -c "source '$completion'; COMP_WORDS=(ddx --for); COMP_CWORD=1; _ddx; echo \"\${COMPREPLY[*]}\"")
[[ $got == "--format" ]] || { echo "completing --for gave '$got'"; exit 1; }
got=$(bash -c "source '$completion'; COMP_WORDS=(ddx --format u); COMP_CWORD=2; _ddx; echo \"\${COMPREPLY[*]}\"")
[[ $got == "unicode" ]] || { echo "completing --format u gave '$got'"; exit 1; }
got=$(bash -c "source '$completion'; COMP_WORDS=(ddx -f ''); COMP_CWORD=2; _ddx; echo \"\${COMPREPLY[*]}\"")
[[ $got == "text unicode latex code json sympy maxima mathematica python numpy c" ]] || { echo "completing -f gave '$got'"; exit 1; }
got=$(bash -c "source '$completion'; COMP_WORDS=(ddx --timeout ''); COMP_CWORD=2; _ddx; echo \"\${#COMPREPLY[@]}\"")
[[ $got == 0 ]] || { echo "completing after --timeout offered $got words"; exit 1; }
echo "ok: $(basename "$deb")"
