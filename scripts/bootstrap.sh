#!/usr/bin/env bash
# Installs what building and testing CS Planner needs, and only what is missing or of the
# wrong version. A second run installs nothing. Everything comes from the package registries
# (crates.io, npm, Debian); nothing is downloaded at build time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the crate's pin exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
WASM_OPT_VERSION=132
# Cuts the release wasm into chunks (scripts/build_wasm.py); its format must match the
# wasm_split_helpers crate Leptos uses (Cargo.lock).
WASM_SPLIT_VERSION=0.2.3
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk python3-openpyxl)

did=0
say() { echo "bootstrap: $*"; }
version_of() { "$@" 2>/dev/null | head -n1 | awk '{print $2}' || true; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
  did=1
fi

# rustfmt and clippy for the lint layer of `make test`.
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the Rust component $component"
    rustup component add "$component"
    did=1
  fi
done

if [ "$(version_of trunk --version)" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION from crates.io (about 7 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
  did=1
fi

if [ -z "$WASM_BINDGEN_VERSION" ]; then
  say "cannot read the wasm-bindgen pin from Cargo.toml" >&2
  exit 1
fi
if [ "$(version_of wasm-bindgen --version)" != "$WASM_BINDGEN_VERSION" ] ||
   [ "$(version_of wasm-bindgen-test-runner --version)" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (equal to the crate's pin)"
  # Not --locked: that release's lock file names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  did=1
fi

# (it has no --version: cargo's list of installed crates tells)
if ! command -v wasm-split-cli >/dev/null ||
   ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (wasm_split_cli_support) from crates.io (about a minute)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
  did=1
fi

# binaryen (wasm-opt) and playwright-core, at the versions of package-lock.json.
npm_ok() {
  [ -x node_modules/.bin/wasm-opt ] || return 1
  node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version $WASM_OPT_VERSION" || return 1
  node -e '
    const lock = require("./package-lock.json").packages;
    for (const name of ["binaryen", "playwright-core"]) {
      const want = lock["node_modules/" + name].version;
      const have = require("./node_modules/" + name + "/package.json").version;
      if (want !== have) process.exit(1);
    }' 2>/dev/null
}
if ! npm_ok; then
  say "installing binaryen and playwright-core from package-lock.json (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  did=1
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  did=1
fi

if [ $did = 0 ]; then
  say "everything is in place (wasm32 target, rustfmt, clippy, trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt $WASM_OPT_VERSION, playwright-core, chromium)"
fi
