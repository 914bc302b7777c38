# Sourced by the bench scripts (needs $root): sets new_bin, this tree's `casebook` (built in
# build/release), and base_bin, the baseline's (bench/baseline.sh; empty with NO_BASELINE=1).
# CASEBOOK and BASELINE_CASEBOOK name ready-built binaries instead (nothing is built then).
if [ -n "${CASEBOOK:-}" ]; then new_bin=$CASEBOOK; else
  cmake --build "$root/build/release" --target casebook >&2
  new_bin=$root/build/release/src/casebook
fi
base_bin=
if [ "${NO_BASELINE:-0}" != 1 ]; then
  if [ -n "${BASELINE_CASEBOOK:-}" ]; then base_bin=$BASELINE_CASEBOOK
  else base_bin=$(bash "$root/bench/baseline.sh")/src/casebook; fi
fi
