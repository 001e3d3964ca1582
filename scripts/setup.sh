# Sourced by scripts/serve and scripts/test: installs what is missing, skips what is there,
# and puts the tools on PATH. Works on a fresh Debian machine with rustup.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${SYNC_VS_ASYNC_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/sync-vs-async}"
TRUNK_VERSION="0.21.14"          # trunk 0.22 needs rustc >= 1.96.1
BINARYEN_VERSION="132"           # Debian's wasm-opt 108 cannot read what rustc 1.95 emits
ESBUILD_VERSION="0.25.12"        # minifies the release's JS glue (scripts/post-build.mjs)
GECKODRIVER_VERSION="0.37.1"     # drives Debian's firefox-esr for the every-engine tests
AXE_VERSION="4.14.1"             # the accessibility engine the e2e tests inject (tests/e2e/tests/accessibility.rs)
PYODIDE_VERSION="314.0.7"        # CPython 3.14.2 for the Python panel, shipped in dist/pyodide/ (scripts/post-build.mjs)
CHECK_JSONSCHEMA_VERSION="0.39.0" # validates .github/workflows/pages.yml against GitHub's schema (the lint gate)
# Quartz 4.5.2's rendering pipeline, for the e2e test of the embed in a Quartz site
# (tests/e2e/quartz/render.mjs): exactly these versions, in their own folder.
QUARTZ_PACKAGES=(unified@11.0.5 remark-parse@11.0.0 remark-rehype@11.1.2 rehype-raw@7.0.0
  hast-util-to-jsx-runtime@2.3.6 preact@10.27.2 preact-render-to-string@6.6.5 micromorph@0.4.5)
export PATH="$HOME/.cargo/bin:$TOOLS/binaryen/node_modules/.bin:$TOOLS/esbuild/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The lint gate: rustup's default profile has both; a minimal one does not.
for component in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# Trunk uses the wasm-bindgen on PATH only when it matches Cargo.lock's exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(wasm-opt --version 2>/dev/null || true)" != "wasm-opt version $BINARYEN_VERSION (version_$BINARYEN_VERSION)" ]; then
  say "installing wasm-opt (binaryen@$BINARYEN_VERSION from npm) into $TOOLS/binaryen"
  command -v npm >/dev/null || { as_root apt-get update -qq && as_root apt-get install -y -qq nodejs npm; }
  mkdir -p "$TOOLS/binaryen"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/binaryen" "binaryen@$BINARYEN_VERSION"
fi

if [ "$(esbuild --version 2>/dev/null || true)" != "$ESBUILD_VERSION" ]; then
  say "installing esbuild $ESBUILD_VERSION (from npm) into $TOOLS/esbuild"
  command -v npm >/dev/null || { as_root apt-get update -qq && as_root apt-get install -y -qq nodejs npm; }
  mkdir -p "$TOOLS/esbuild"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/esbuild" "esbuild@$ESBUILD_VERSION"
fi

# Pyodide, for the Python panel: every build copies its core files into dist/pyodide/, so the
# lab serves Python itself (no CDN) from any sub-path.
export PYODIDE_DIR="$TOOLS/pyodide/node_modules/pyodide"
if [ "$(node -p "require('$PYODIDE_DIR/package.json').version" 2>/dev/null || true)" != "$PYODIDE_VERSION" ]; then
  say "installing pyodide $PYODIDE_VERSION (from npm, about 7 MB) into $TOOLS/pyodide"
  command -v npm >/dev/null || { as_root apt-get update -qq && as_root apt-get install -y -qq nodejs npm; }
  mkdir -p "$TOOLS/pyodide"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/pyodide" "pyodide@$PYODIDE_VERSION"
fi

# axe-core, for the accessibility tests: one file, $AXE (read by the e2e harness).
export AXE="$TOOLS/axe-core/node_modules/axe-core/axe.min.js"
need_axe() {
  if [ "$(node -p "require('$TOOLS/axe-core/node_modules/axe-core/package.json').version" 2>/dev/null || true)" != "$AXE_VERSION" ]; then
    say "installing axe-core $AXE_VERSION (from npm) into $TOOLS/axe-core"
    mkdir -p "$TOOLS/axe-core"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/axe-core" "axe-core@$AXE_VERSION"
  fi
}

# Quartz's pipeline (QUARTZ_PACKAGES) in $QUARTZ, where the test copies render.mjs to run it.
export QUARTZ="$TOOLS/quartz"
need_quartz() {
  local want have
  want=$(printf '%s\n' "${QUARTZ_PACKAGES[@]}" | sort | tr '\n' ' ')
  have=$(cat "$QUARTZ/.installed" 2>/dev/null || true)
  if [ "$want" != "$have" ]; then
    say "installing Quartz 4.5.2's rendering packages (from npm) into $QUARTZ"
    rm -rf "$QUARTZ" && mkdir -p "$QUARTZ"
    echo '{"type": "module", "private": true}' >"$QUARTZ/package.json"
    npm install --silent --no-audit --no-fund --save-exact --prefix "$QUARTZ" "${QUARTZ_PACKAGES[@]}"
    printf '%s' "$want" >"$QUARTZ/.installed"
  fi
}

# check-jsonschema, for the lint gate: the deploy workflow against GitHub's own schema (bundled in
# the package: no network when it runs), in a virtual environment of its own.
export CHECK_JSONSCHEMA="$TOOLS/check-jsonschema/bin/check-jsonschema"
need_check_jsonschema() {
  if [ "$("$TOOLS/check-jsonschema/bin/python" -m pip show check-jsonschema 2>/dev/null | sed -n 's/^Version: //p')" != "$CHECK_JSONSCHEMA_VERSION" ]; then
    say "installing check-jsonschema $CHECK_JSONSCHEMA_VERSION (from PyPI) into $TOOLS/check-jsonschema"
    python3 -m venv "$TOOLS/check-jsonschema" 2>/dev/null || {
      as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
      python3 -m venv "$TOOLS/check-jsonschema"
    }
    "$TOOLS/check-jsonschema/bin/python" -m pip install --quiet --disable-pip-version-check "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
  fi
}

need_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  export CHROME="${CHROME:-$(command -v chromium)}"
}

# The other two engines the core set runs in (README "Browsers"): Firefox through geckodriver
# (built from crates.io, ~2 minutes once), WebKit's MiniBrowser through WebKitWebDriver. WebKit has
# no headless mode: it draws on a virtual display, `xvfb-run -a`.
need_other_engines() {
  local missing=()
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
  export GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}"
  export FIREFOX="${FIREFOX:-$(command -v firefox-esr)}"
  export WEBKITDRIVER="${WEBKITDRIVER:-$(command -v WebKitWebDriver)}"
  export MINIBROWSER="${MINIBROWSER:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
  [ -x "$MINIBROWSER" ] || { echo "no MiniBrowser at $MINIBROWSER (Debian's libwebkit2gtk-4.1-0 puts it there)" >&2; return 1; }
}
