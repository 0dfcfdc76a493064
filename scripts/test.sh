#!/usr/bin/env bash
# Runs every test layer, then prints a one-screen summary. Run through `make test`, which
# installs what is missing first. Every layer runs even when an earlier one fails, so one
# run shows everything that is broken; the exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
BASE="${BASE:-/cs-planner/}"
LOGS=target/test-logs
mkdir -p "$LOGS"

declare -a NAMES STATUS PASSED FAILED
total_pass=0
total_fail=0

# cargo / wasm-bindgen-test-runner: "test result: ok. 12 passed; 0 failed; ..."
count_cargo() { grep -Eo '[0-9]+ (passed|failed);' "$1" | awk -v k="$2" '$2 == k";" {s += $1} END {print s + 0}'; }
# node --test (spec reporter): "ℹ pass 12" / "ℹ fail 0"
count_node() { grep -Eo "^ℹ $2 [0-9]+" "$1" | awk '{s += $3} END {print s + 0}'; }

layer() {
  local name=$1 counter=$2; shift 2
  local log="$LOGS/${name// /-}.log" start=$SECONDS
  echo
  echo "━━━ $name: $*"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p=0 f=0
  case $counter in
    cargo) p=$(count_cargo "$log" passed); f=$(count_cargo "$log" failed) ;;
    node) p=$(count_node "$log" pass); f=$(count_node "$log" fail) ;;
  esac
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi   # a build or harness failure counts once
  NAMES+=("$name"); PASSED+=("$p"); FAILED+=("$f"); SECONDS_+=($((SECONDS - start)))
  if [ "$rc" = 0 ]; then STATUS+=("ok"); else STATUS+=("FAILED"); fi
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
  return "$rc"
}
declare -a SECONDS_

# First and fast: the code is formatted (rustfmt.toml) and clippy finds nothing, natively and
# for the browser target (where the UI code lives).
lint() {
  cargo fmt --check &&
    cargo clippy --locked --all-targets -- -D warnings &&
    cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
}
layer "lint" none lint
layer "native tests" cargo cargo test --locked
layer "browser tests" cargo cargo test --locked --target wasm32-unknown-unknown --test 'web*'
if layer "release build" none trunk build --release --offline --public-url "$BASE"; then
  layer "bundle size" none python3 scripts/bundle_size.py
  layer "end-to-end" node node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
else
  NAMES+=("end-to-end"); STATUS+=("skipped: no build"); PASSED+=(0); FAILED+=(1); SECONDS_+=(0)
  total_fail=$((total_fail + 1))
fi

echo
echo "━━━ summary"
printf '%-16s %-18s %7s %7s %6s\n' layer status passed failed secs
for i in "${!NAMES[@]}"; do
  printf '%-16s %-18s %7s %7s %6s\n' "${NAMES[$i]}" "${STATUS[$i]}" "${PASSED[$i]}" "${FAILED[$i]}" "${SECONDS_[$i]}"
done
grep -h '^bundle: total' "$LOGS/bundle-size.log" 2>/dev/null || true
echo "logs: $LOGS/"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
