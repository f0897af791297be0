# shellcheck shell=bash
# Sourced by ./netgamma and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is >= 21, else the newest JDK under /usr/lib/jvm (or $NETGAMMA_JDK_DIRS), else
# `java` on the PATH if it is >= 21. Fails with a clear message otherwise.

_ng_java_major() {  # $1 = path to a java binary; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

_ng_pick_jdk() {
  local best="" best_v=0 v home
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    v=$(_ng_java_major "$JAVA_HOME/bin/java")
    if [[ "${v:-0}" -ge 21 ]]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for home in ${NETGAMMA_JDK_DIRS:-/usr/lib/jvm/*}; do
    [[ -x "$home/bin/javac" && -x "$home/bin/java" ]] || continue
    v=$(_ng_java_major "$home/bin/java")
    if [[ "${v:-0}" -gt "$best_v" ]]; then best="$home"; best_v="$v"; fi
  done
  if [[ "$best_v" -ge 21 ]]; then echo "$best"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(_ng_java_major "$home/bin/java")
    if [[ "${v:-0}" -ge 21 ]]; then echo "$home"; return 0; fi
  fi
  return 1
}

if ! NG_JAVA_HOME=$(_ng_pick_jdk); then
  echo "netgamma: needs a JDK >= 21 (found none in JAVA_HOME, /usr/lib/jvm or on the PATH)." >&2
  echo "          Install one (e.g. Temurin 21 or 25) or point JAVA_HOME at it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$NG_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
