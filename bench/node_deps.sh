# Sourced by the bench scripts: installs the pinned reference packages from npm into a
# gitignored folder (build/bench-node) once.
install_node_deps() {
  local dir=$1
  if [[ -d $dir/node_modules/ts-fsrs && -d $dir/node_modules/@open-spaced-repetition/binding ]]; then
    return 0
  fi
  echo "== installing ts-fsrs 5.4.2 and @open-spaced-repetition/binding 0.5.0 into $dir" >&2
  mkdir -p "$dir"
  [[ -f $dir/package.json ]] || (cd "$dir" && npm init -y >/dev/null)
  (cd "$dir" && npm install --no-audit --no-fund --silent ts-fsrs@5.4.2 @open-spaced-repetition/binding@0.5.0)
}
