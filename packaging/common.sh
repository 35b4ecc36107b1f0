# Steps shared by build-linux.sh and build-macos.sh: build the jar, gather the runtime class path, keep only
# the host's native libraries, and link a runtime (JDK + JavaFX modules; the app and DL4J stay on the class
# path because DL4J is not modular). Sourced, not run. Written for bash 3.2, which is what macOS ships.
#
# The sourcing script sets, before calling these functions:
#   ROOT            repository root
#   WORK            scratch folder for this build (emptied first), under target/
#   FX_CLASSIFIER   classifier of the host's org.openjfx jars: linux, mac, mac-aarch64
#   NATIVE_DIRS     extended regex of the folder names that hold the host's natives inside jars,
#                   e.g. 'linux-x86_64|linux-x86-64' (javacpp/ND4J spell it one way, JNA the other)
#   MAVEN_ARGS      extra Maven options (may be empty), e.g. -Dnd4j.classifier=macosx-arm64

log() { printf '[package +%ss] %s\n' "$SECONDS" "$*" >&2; }
die() { printf 'package: error: %s\n' "$*" >&2; exit 1; }

# Finds the JDK whose jlink/jpackage/jmods we use: $JAVA_HOME, else the one javac belongs to.
find_jdk() {
  if [ -z "${JAVA_HOME:-}" ]; then
    local javac_path
    javac_path="$(command -v javac || true)"
    [ -n "$javac_path" ] || die "no JDK found: set JAVA_HOME to a JDK 17+ (with jmods/)"
    JAVA_HOME="$(cd "$(dirname "$(readlink -f "$javac_path" 2>/dev/null || echo "$javac_path")")/.." && pwd)"
  fi
  export JAVA_HOME
  local tool
  for tool in jlink jpackage jdeps; do
    [ -x "$JAVA_HOME/bin/$tool" ] || die "$JAVA_HOME/bin/$tool missing: JAVA_HOME must be a full JDK 17+"
  done
  [ -f "$JAVA_HOME/jmods/java.base.jmod" ] ||
    die "$JAVA_HOME/jmods is missing: jlink needs the JDK's jmods (Debian/Ubuntu: apt-get install openjdk-17-jmods)"
  command -v mvn >/dev/null || die "Maven (mvn) not found on PATH"
}

# Builds target/encore-VERSION.jar and copies the runtime dependencies. Sets VERSION and APP_JAR.
build_jar() {
  rm -rf "$WORK"
  mkdir -p "$WORK/deps" "$WORK/input" "$WORK/fx"
  log "building the jar and copying runtime dependencies (mvn package)"
  # shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests ${MAVEN_ARGS:-} package \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$WORK/deps") ||
    die "Maven build failed"
  local props="$ROOT/target/maven-archiver/pom.properties"
  [ -f "$props" ] || die "$props missing after the build"
  VERSION="$(sed -n 's/^version=//p' "$props" | tr -d '\r')"
  [ -n "$VERSION" ] || die "no version in $props"
  APP_JAR="encore-$VERSION.jar"
  [ -f "$ROOT/target/$APP_JAR" ] || die "target/$APP_JAR missing after the build"
  log "version $VERSION"
}

# Splits the dependencies: the host's JavaFX jars go to the module path for jlink; the classifier-less
# org.openjfx jars are empty placeholders and are dropped; everything else (DL4J included) goes on the class path.
split_dependencies() {
  local jar name
  cp "$ROOT/target/$APP_JAR" "$WORK/input/"
  for jar in "$WORK"/deps/*.jar; do
    name="$(basename "$jar")"
    case "$name" in
      javafx-*-"$FX_CLASSIFIER".jar) cp "$jar" "$WORK/fx/" ;;
      javafx-*) ;;
      *) cp "$jar" "$WORK/input/" ;;
    esac
  done
  [ -n "$(ls "$WORK"/fx/javafx-graphics-*.jar 2>/dev/null)" ] ||
    die "no javafx-graphics-*-$FX_CLASSIFIER.jar among the dependencies (is FX_CLASSIFIER right for this OS?)"
}

# Lists the native-library entries (.so/.dll/.dylib/.jnilib/.a) of a jar.
native_entries() {
  unzip -Z1 "$1" 2>/dev/null | grep -E '\.(so(\.[0-9]+)*|dll|dylib|jnilib|a)$' || true
}

# True when a native entry belongs to the host: it sits in a host folder, or at the root of a host
# JavaFX jar (OpenJFX puts its natives at the root of javafx-graphics-<platform>.jar).
is_host_native() {
  local jar_name="$1" entry="$2"
  if grep -qE "(^|/)($NATIVE_DIRS)/[^/]+$" <<<"$entry"; then return 0; fi
  case "$jar_name" in
    javafx-*-"$FX_CLASSIFIER".jar) case "$entry" in */*) return 1 ;; *) return 0 ;; esac ;;
  esac
  return 1
}

# Removes other platforms' natives from jars that bundle all of them (JNA ships every OS in one jar),
# then fails if any foreign native or foreign-classifier jar is left: an installer holds only the host's.
keep_host_natives_only() {
  local jar name entry foreign
  for jar in "$WORK"/input/*.jar "$WORK"/fx/*.jar; do
    name="$(basename "$jar")"
    foreign=""
    for entry in $(native_entries "$jar"); do
      is_host_native "$name" "$entry" || foreign="$foreign $entry"
    done
    if [ -n "$foreign" ]; then
      log "removing other platforms' natives from $name:$foreign"
      # shellcheck disable=SC2086 # one argument per entry
      zip -q -d "$jar" $foreign >/dev/null || die "could not strip natives from $name (is zip installed?)"
    fi
  done
  verify_host_natives_only
}

verify_host_natives_only() {
  local jar name entry bad=""
  for jar in "$WORK"/input/*.jar "$WORK"/fx/*.jar; do
    name="$(basename "$jar")"
    # A javacpp-style platform classifier in the file name must be the host's.
    if grep -qE -- '-(linux|macosx|windows|android|ios)-[a-z0-9_]+\.jar$' <<<"$name" &&
       ! grep -qE -- "-($NATIVE_DIRS)\.jar$" <<<"$name"; then
      bad="$bad $name"
    fi
    for entry in $(native_entries "$jar"); do
      is_host_native "$name" "$entry" || bad="$bad $name!$entry"
    done
  done
  [ -z "$bad" ] || die "natives of another platform would be packaged:$bad"
  log "natives: host only ($(for jar in "$WORK"/input/*.jar "$WORK"/fx/*.jar; do native_entries "$jar"; done | wc -l | tr -d ' ') libraries)"
}

# Reads a module list file: one module a line, # comments.
read_modules() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | grep -v '^$' | paste -sd, -
}

# The JDK modules the class path needs: packaging/jdk-modules.txt, plus whatever jdeps finds in the jars.
# jdeps reads a jar with a module-info as a module, and some DL4J jars list packages they lack there, so
# those jars are analysed from a copy without their module-info. Jars of natives only are skipped.
jdk_modules() {
  local listed found plain="$WORK/jdeps-jars" jar name entries jars=""
  listed="$(read_modules "$ROOT/packaging/jdk-modules.txt")"
  mkdir -p "$plain"
  for jar in "$WORK"/input/*.jar; do
    name="$(basename "$jar")"
    entries="$(unzip -Z1 "$jar" 2>/dev/null || true)"
    grep -q '\.class$' <<<"$entries" || continue
    if grep -qE '(^|/)module-info\.class$' <<<"$entries"; then
      cp "$jar" "$plain/$name"
      zip -q -d "$plain/$name" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
      jar="$plain/$name"
    fi
    jars="$jars $jar"
  done
  # shellcheck disable=SC2086 # one argument per jar; paths come from our own folders
  found="$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps $jars 2>/dev/null | tail -1)" ||
    found=""
  rm -rf "$plain"
  if [ -z "$found" ]; then
    log "warning: jdeps gave no module list; using packaging/jdk-modules.txt only"
    printf '%s\n' "$listed"
    return
  fi
  local extra
  extra="$(printf '%s\n' "$found" | tr ',' '\n' | grep -vxF -f <(printf '%s\n' "$listed" | tr ',' '\n') | paste -sd, - || true)"
  [ -z "$extra" ] || log "jdeps adds JDK modules not in packaging/jdk-modules.txt: $extra"
  printf '%s\n' "$listed${extra:+,$extra}"
}

# Links the runtime: JDK modules from $JAVA_HOME/jmods, JavaFX modules from the host's openjfx jars.
link_runtime() {
  local modules fx_modules
  modules="$(jdk_modules)"
  fx_modules="$(read_modules "$ROOT/packaging/javafx-modules.txt")"
  log "jlink: $modules,$fx_modules"
  "$JAVA_HOME/bin/jlink" \
    --module-path "$JAVA_HOME/jmods$PATHSEP$(ls "$WORK"/fx/*.jar | paste -sd"$PATHSEP" -)" \
    --add-modules "$modules,$fx_modules" \
    --strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=2 \
    --output "$WORK/runtime" || die "jlink failed"
}

# The bundled sample goes next to the jars: the launcher passes -Dencore.home=$APPDIR and the app opens
# $APPDIR/sample-data at first launch.
add_sample_data() {
  [ -d "$ROOT/sample-data" ] ||
    die "sample-data/ missing at the repository root: the packaged app must bundle it (see the data issue)"
  cp -RL "$ROOT/sample-data" "$WORK/input/sample-data"
}

PATHSEP=":"

# Prints a size in MB (MiB) of a file or folder, from du.
size_mb() {
  du -sk "$1" | awk '{printf "%.1f", $1 / 1024}'
}
