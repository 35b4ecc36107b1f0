#!/usr/bin/env bash
# Checks that a built Linux app image really starts, as a fresh user would see it:
#   1. the image holds the bundled sample-data/ and no other platform's native libraries;
#   2. the launcher answers on the command line (`Encore help`, exit 0);
#   3. `Encore --smoke` opens the main window on the bundled sample, renders each view once and exits 0.
#      Under xvfb-run when it is installed (apt-get install xvfb), else on $DISPLAY.
# Usage: packaging/smoke-test.sh [APP_IMAGE]     (default: dist/linux/Encore, from packaging/build-linux.sh)
# Exit code: 0 all passed, 1 a check failed, 2 cannot run (no image, no display).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${1:-$ROOT/dist/linux/Encore}"
launcher="$image/bin/Encore"
smoke_timeout="${ENCORE_SMOKE_TIMEOUT:-600}"

fail() { printf 'smoke-test: FAIL: %s\n' "$*" >&2; exit 1; }
cannot() { printf 'smoke-test: cannot run: %s\n' "$*" >&2; exit 2; }
pass() { printf 'smoke-test: ok: %s\n' "$*" >&2; }

[ -x "$launcher" ] || cannot "no launcher at $launcher (build it with packaging/build-linux.sh)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 1. Contents.
[ -d "$image/lib/app/sample-data" ] && [ -n "$(ls -A "$image/lib/app/sample-data")" ] ||
  fail "$image/lib/app/sample-data is missing or empty"
foreign="$(for jar in "$image"/lib/app/*.jar; do
  unzip -Z1 "$jar" 2>/dev/null | grep -E '\.(dll|dylib|jnilib)$' | sed "s|^|$(basename "$jar")!|"
done)"
[ -z "$foreign" ] || fail "Windows/macOS natives in the image: $foreign"
pass "image holds sample-data/ and Linux natives only"

# A fresh user: no preferences, runs or dataset cache from earlier sessions (Java takes user.home from the
# password database, not $HOME, hence -Duser.home). ND4J's 320 MB native library stays in the real cache
# rather than being unpacked again on every run.
javacpp_cache="${ENCORE_SMOKE_JAVACPP_CACHE:-$HOME/.javacpp/cache}"
export JAVA_TOOL_OPTIONS="-Duser.home=$tmp/home -Dorg.bytedeco.javacpp.cachedir=$javacpp_cache ${JAVA_TOOL_OPTIONS:-}"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
mkdir -p "$tmp/home"

# 2. Command line.
if ! "$launcher" help >"$tmp/help.out" 2>"$tmp/help.err"; then
  cat "$tmp/help.err" >&2
  fail "'Encore help' exited non-zero"
fi
grep -qi "usage" "$tmp/help.out" || { cat "$tmp/help.out" >&2; fail "'Encore help' printed no usage"; }
pass "'Encore help' answers"

# 3. The window, on the bundled sample.
if command -v xvfb-run >/dev/null; then
  run_gui=(xvfb-run -a -s "-screen 0 1600x1000x24" "$launcher" --smoke)
elif [ -n "${DISPLAY:-}" ]; then
  run_gui=("$launcher" --smoke)
else
  cannot "no display: install xvfb (apt-get install xvfb) or set DISPLAY"
fi
started=$SECONDS
timeout "$smoke_timeout" "${run_gui[@]}" >"$tmp/smoke.out" 2>&1
status=$?
if [ "$status" -ne 0 ]; then
  tail -40 "$tmp/smoke.out" >&2
  [ "$status" -eq 124 ] && fail "'Encore --smoke' did not finish within ${smoke_timeout}s"
  fail "'Encore --smoke' exited $status"
fi
grep '^smoke:' "$tmp/smoke.out" >&2 || true
pass "'Encore --smoke' opened the window on the sample and exited 0 in $((SECONDS - started))s"
