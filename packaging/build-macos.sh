#!/usr/bin/env bash
# Builds the macOS app bundle and .dmg of Encore in one go (run it on a Mac; the macOS twin of build-linux.sh):
#   packaging/build-macos.sh            -> dist/macos/Encore.app and dist/macos/Encore-<version>.dmg
#   packaging/build-macos.sh --no-dmg   -> app bundle only
# Needs JDK 17+ with jmods (JAVA_HOME, e.g. $(/usr/libexec/java_home -v 17)), Maven, zip/unzip.
# The result is unsigned: Gatekeeper asks once (right-click > Open). Sizes land in dist/macos/sizes.txt.
# macOS refuses an app version starting with 0 (CFBundleVersion): a 0.y.z pom version is given to the
# bundle as 1.y.z unless ENCORE_MAC_APP_VERSION says otherwise; the .dmg file keeps the pom version.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=common.sh
. "$ROOT/packaging/common.sh"

make_dmg=1
for arg in "$@"; do
  case "$arg" in
    --no-dmg) make_dmg=0 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown option $arg (try --help)" ;;
  esac
done

[ "$(uname -s)" = Darwin ] || die "build-macos.sh runs on macOS; use build-linux.sh or build-windows.ps1 elsewhere"
# JNA 4.3 keeps its macOS library in darwin/; javacpp and ND4J use macosx-<arch>/.
case "$(uname -m)" in
  x86_64) ND4J_CLASSIFIER=macosx-x86_64; NATIVE_DIRS='macosx-x86_64|darwin|darwin-x86-64'; FX_CLASSIFIER=mac ;;
  arm64) ND4J_CLASSIFIER=macosx-arm64; NATIVE_DIRS='macosx-arm64|darwin|darwin-aarch64'; FX_CLASSIFIER=mac-aarch64 ;;
  *) die "no ND4J natives for $(uname -m)" ;;
esac
MAVEN_ARGS="-Dnd4j.classifier=$ND4J_CLASSIFIER ${ENCORE_MAVEN_ARGS:-}"
WORK="$ROOT/target/packaging"
DIST="$ROOT/dist/macos"

started=$SECONDS
find_jdk
build_jar
split_dependencies
keep_host_natives_only
add_sample_data
link_runtime

app_version="${VERSION%%-*}"
case "$app_version" in
  0.*) app_version="${ENCORE_MAC_APP_VERSION:-1.${app_version#0.}}"
       log "warning: macOS needs a first version number above 0; the bundle gets $app_version (pom: $VERSION)" ;;
  *) app_version="${ENCORE_MAC_APP_VERSION:-$app_version}" ;;
esac

rm -rf "$DIST"
mkdir -p "$DIST"
log "jpackage: app bundle"
"$JAVA_HOME/bin/jpackage" @"$ROOT/packaging/jpackage/identity.args" @"$ROOT/packaging/jpackage/launcher.args" \
  --type app-image \
  --app-version "$app_version" \
  --runtime-image "$WORK/runtime" \
  --input "$WORK/input" \
  --main-jar "$APP_JAR" \
  --icon "$ROOT/assets/icons/encore.icns" \
  --java-options "-Dprism.order=es2,sw" \
  --mac-package-identifier org.encore.app \
  --mac-package-name Encore \
  --dest "$DIST" || die "jpackage (app bundle) failed"

if [ "$make_dmg" = 1 ]; then
  log "jpackage: .dmg"
  "$JAVA_HOME/bin/jpackage" @"$ROOT/packaging/jpackage/identity.args" \
    --type dmg \
    --app-image "$DIST/Encore.app" \
    --app-version "$app_version" \
    --license-file "$ROOT/LICENSE" \
    --icon "$ROOT/assets/icons/encore.icns" \
    --mac-package-identifier org.encore.app \
    --mac-package-name Encore \
    --dest "$DIST" || die "jpackage (.dmg) failed"
  # jpackage names the file after the bundle version; keep the project's own version in the name.
  if [ "$app_version" != "$VERSION" ] && [ -f "$DIST/Encore-$app_version.dmg" ]; then
    mv "$DIST/Encore-$app_version.dmg" "$DIST/Encore-$VERSION.dmg"
  fi
fi
build_seconds=$((SECONDS - started))

{
  echo "Encore $VERSION (bundle $app_version), built $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -sm), in ${build_seconds}s"
  echo "app bundle (dist/macos/Encore.app, = installed size): $(size_mb "$DIST/Encore.app") MB"
  dmg="$(ls "$DIST"/*.dmg 2>/dev/null | head -1 || true)"
  [ -z "$dmg" ] || echo "installer ($(basename "$dmg")): $(size_mb "$dmg") MB"
} | tee "$DIST/sizes.txt" >&2
log "done in ${build_seconds}s: $DIST"
