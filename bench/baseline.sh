#!/usr/bin/env bash
# Builds the baseline that the bench scripts compare with: `casebook` (no GUI) and
# `casebook_home_bench` of BASELINE_REF (default: main), from `git archive` into
# build/baseline-src, built in build/baseline-src/build/release (the same relative layout as
# this tree, so ccache reuses this tree's objects for unchanged files). The bench programs of
# THIS tree are copied in, so both sides measure the same thing. Prints the build folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ref=${BASELINE_REF:-main}
src=$root/build/baseline-src
bld=$src/build/release
commit=$(git -C "$root" rev-parse "$ref")
if [ "$(cat "$src/.baseline-commit" 2>/dev/null)" != "$commit" ]; then
  rm -rf "$src"
  mkdir -p "$src"
  git -C "$root" archive "$commit" | tar -x -C "$src"
  echo "$commit" > "$src/.baseline-commit"
fi
# Every bench source is copied (the CMakeLists names them all; only the two targets below are built).
cp "$root"/bench/*.cpp "$root/bench/CMakeLists.txt" "$src/bench/"
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-/work}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASEBOOK_BUILD_TESTS=OFF \
  -DCASEBOOK_BUILD_GUI=OFF "${launcher[@]}" >&2
cmake --build "$bld" --target casebook casebook_home_bench >&2
echo "$bld"
