#!/usr/bin/env bash
# Builds the Linux app image and .deb of Encore in one go:
#   packaging/build-linux.sh            -> dist/linux/Encore/ (app image) and dist/linux/encore_<version>-1_amd64.deb
#   packaging/build-linux.sh --no-deb   -> app image only (no fakeroot/dpkg-deb needed)
# Needs JDK 17+ with jmods (JAVA_HOME or javac on PATH), Maven, zip/unzip, and for the .deb dpkg-deb and fakeroot.
# ENCORE_DEB_MAINTAINER_EMAIL sets the .deb Maintainer address; ENCORE_MAVEN_ARGS adds Maven options.
# Sizes land in dist/linux/sizes.txt. Then packaging/smoke-test.sh checks that the image really starts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=common.sh
. "$ROOT/packaging/common.sh"

make_deb=1
for arg in "$@"; do
  case "$arg" in
    --no-deb) make_deb=0 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown option $arg (try --help)" ;;
  esac
done

[ "$(uname -s)" = Linux ] || die "build-linux.sh runs on Linux; use build-macos.sh or build-windows.ps1 elsewhere"
case "$(uname -m)" in
  x86_64) ND4J_CLASSIFIER=linux-x86_64; NATIVE_DIRS='linux-x86_64|linux-x86-64' ;;
  aarch64) ND4J_CLASSIFIER=linux-arm64; NATIVE_DIRS='linux-arm64|linux-aarch64' ;;
  *) die "no ND4J natives for $(uname -m)" ;;
esac
FX_CLASSIFIER=linux
[ "$ND4J_CLASSIFIER" = linux-arm64 ] && FX_CLASSIFIER=linux-aarch64
MAVEN_ARGS="-Dnd4j.classifier=$ND4J_CLASSIFIER ${ENCORE_MAVEN_ARGS:-}"
WORK="$ROOT/target/packaging"
DIST="$ROOT/dist/linux"

started=$SECONDS
find_jdk
if [ "$make_deb" = 1 ]; then
  command -v fakeroot >/dev/null || die "fakeroot missing (apt-get install fakeroot), or pass --no-deb"
  command -v dpkg-deb >/dev/null || die "dpkg-deb missing, or pass --no-deb"
fi
if ! command -v zip >/dev/null || ! command -v unzip >/dev/null; then
  die "zip and unzip are needed (apt-get install zip unzip)"
fi

build_jar
split_dependencies
keep_host_natives_only
add_sample_data
link_runtime

rm -rf "$DIST"
mkdir -p "$DIST"
log "jpackage: app image"
"$JAVA_HOME/bin/jpackage" @"$ROOT/packaging/jpackage/identity.args" @"$ROOT/packaging/jpackage/launcher.args" \
  --type app-image \
  --app-version "${VERSION%%-*}" \
  --runtime-image "$WORK/runtime" \
  --input "$WORK/input" \
  --main-jar "$APP_JAR" \
  --icon "$ROOT/assets/icons/encore-256.png" \
  --java-options "-Dprism.order=es2,sw" \
  --dest "$DIST" || die "jpackage (app image) failed"

if [ "$make_deb" = 1 ]; then
  log "jpackage: .deb"
  # The jars inside are already deflated: xz (dpkg's default) spends minutes to win ~5%; gzip is fast and
  # every dpkg reads it. DPKG_DEB_COMPRESSOR_TYPE=xz before the command restores xz.
  export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
  # Built from the app image, so the .deb installs exactly what was checked. JavaFX loads GTK 3 and GL at
  # run time from inside its jars, where jpackage's dependency scan cannot see them: they are listed here.
  "$JAVA_HOME/bin/jpackage" @"$ROOT/packaging/jpackage/identity.args" \
    --type deb \
    --app-image "$DIST/Encore" \
    --app-version "${VERSION%%-*}" \
    --license-file "$ROOT/LICENSE" \
    --icon "$ROOT/assets/icons/encore-256.png" \
    --resource-dir "$ROOT/packaging/linux" \
    --linux-package-name encore \
    --linux-app-release 1 \
    --linux-app-category science \
    --linux-menu-group "Education;Science;" \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libxxf86vm1, libgl1" \
    ${ENCORE_DEB_MAINTAINER_EMAIL:+--linux-deb-maintainer "$ENCORE_DEB_MAINTAINER_EMAIL"} \
    --dest "$DIST" || die "jpackage (.deb) failed"
fi
build_seconds=$((SECONDS - started))

# Sizes: the app image as built, and for the .deb the file itself and what it unpacks to on disk.
{
  echo "Encore $VERSION, built $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -sm), in ${build_seconds}s"
  echo "app image (dist/linux/Encore): $(size_mb "$DIST/Encore") MB"
  echo "  runtime (jlink, JDK + JavaFX): $(size_mb "$DIST/Encore/lib/runtime") MB"
  echo "  app (jars + sample-data):      $(size_mb "$DIST/Encore/lib/app") MB"
  deb="$(ls "$DIST"/*.deb 2>/dev/null | head -1 || true)"
  if [ -n "$deb" ]; then
    unpacked="$WORK/deb-unpacked"
    rm -rf "$unpacked"
    dpkg-deb -x "$deb" "$unpacked"
    echo "installer ($(basename "$deb")): $(size_mb "$deb") MB"
    echo "installed (dpkg-deb -x, du):    $(size_mb "$unpacked") MB"
    echo "  dpkg Installed-Size field:    $(dpkg-deb -f "$deb" Installed-Size) KB"
    rm -rf "$unpacked"
  fi
} | tee "$DIST/sizes.txt" >&2
log "done in ${build_seconds}s: $DIST"
