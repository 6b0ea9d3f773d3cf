# Sourced by ./mvnw: make sure Maven runs on a JDK 21 or newer, whatever the default `java` is.
# Order: JAVA_HOME if it is 21+, then the `java` on PATH, then the newest 21+ JDK in the usual
# install folders. Fails with a message naming what to install or set.

scheduler_jdk_major() {
  [ -f "$1/release" ] || { echo 0; return; }
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
}

scheduler_jdk_ok() {
  [ -x "$1/bin/javac" ] && [ "$(scheduler_jdk_major "$1")" -ge 21 ] 2>/dev/null
}

scheduler_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && scheduler_jdk_ok "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return
  fi
  if command -v javac >/dev/null 2>&1; then
    path_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if scheduler_jdk_ok "$path_home"; then echo "$path_home"; return; fi
  fi
  best="" best_major=0
  set +f # mvnw runs with globbing off; the scan below needs it
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    if scheduler_jdk_ok "$candidate"; then
      major=$(scheduler_jdk_major "$candidate")
      if [ "$major" -gt "$best_major" ]; then best="$candidate" best_major=$major; fi
    fi
  done
  set -f
  echo "$best"
}

scheduler_jdk=$(scheduler_find_jdk)
if [ -z "$scheduler_jdk" ]; then
  echo "Store Scheduler needs a JDK 21 or newer, and none was found." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME to its folder." >&2
  exit 1
fi
JAVA_HOME=$(readlink -f "$scheduler_jdk")
export JAVA_HOME
unset scheduler_jdk path_home best best_major candidate major
