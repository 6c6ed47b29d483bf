#!/usr/bin/env bash
# Two settings of the application measured side by side (issue 19). These machines drift by a
# quarter between runs minutes apart, so a change measured in two runs of bench/run.sh can look
# better or worse by chance. Here two instances, A and B, run at once, each on a fresh database of
# its own with the demo data and warmed up alike; wrk then loads one at a time, alternately (A then
# B in odd rounds, B then A in even ones), on the Your Area page and on the postcode lookup, so the
# machine's drift falls on both. It prints each round's rate and p99, the means with B's ratio to A,
# and each instance's resident memory at the end. A run takes about 8 minutes.
#
#   bench/side-by-side.sh [--no-build] [--rounds 4] [--seconds 10] [--connections 32]
#                         [--a-opt OPT]... [--b-opt OPT]... [--a-arg ARG]... [--b-arg ARG]...
#                         [--a-java JAVA_HOME] [--b-java JAVA_HOME] [--b-jar JAR]
#
# Both start with the documented start command's options (docs/operations.md) and -Xmx256m;
# --a-opt/--b-opt add a JVM option to one instance, --a-arg/--b-arg an application argument
# (--spring.threads.virtual.enabled=true, say). --a-java/--b-java run one on another JDK, --b-jar
# runs another build (one made from an earlier commit in a worktree, say); A runs target/'s jar.
# Example: the same jar with and without compact object headers on JDK 25:
#   JAVA_HOME=/path/to/jdk-25 bench/side-by-side.sh --b-opt -XX:+UseCompactObjectHeaders
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=yes
ROUNDS=4
SECONDS_EACH=10
CONNECTIONS=32
THREADS=2
A_OPTS=()
B_OPTS=()
A_ARGS=()
B_ARGS=()
A_JAVA_HOME="${JAVA_HOME:-}"
B_JAVA_HOME="${JAVA_HOME:-}"
B_JAR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=""; shift ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --a-opt) A_OPTS+=("$2"); shift 2 ;;
    --b-opt) B_OPTS+=("$2"); shift 2 ;;
    --a-arg) A_ARGS+=("$2"); shift 2 ;;
    --b-arg) B_ARGS+=("$2"); shift 2 ;;
    --a-java) A_JAVA_HOME="$2"; shift 2 ;;
    --b-java) B_JAVA_HOME="$2"; shift 2 ;;
    --b-jar) B_JAR="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

. bench/lib.sh

WORK=$(mktemp -d)
DB_A="yourarea_side_a_$$"
DB_B="yourarea_side_b_$$"
PID_A=""
PID_B=""
clean_up() {
  for pid in "$PID_A" "$PID_B"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  for db in "$DB_A" "$DB_B"; do
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db with (force)" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap clean_up EXIT
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

if [ -n "$BUILD" ]; then
  ./mvnw -q -B -DskipTests -Djacoco.skip=true package > "$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; exit 1; }
fi
A_JAR=$(ls target/your-area-*.jar | grep -v plain | head -1)
B_JAR=${B_JAR:-$A_JAR}

# start NAME JAVA_HOME JAR DB PORT MANAGEMENT_PORT [--opt ...] [--arg ...]: one instance in the
# background; its pid in $STARTED
start() {
  local name=$1 java_home=$2 jar=$3 db=$4 port=$5 management=$6; shift 6
  local opts=() args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --opt) opts+=("$2"); shift 2 ;;
      --arg) args+=("$2"); shift 2 ;;
    esac
  done
  psql -h 127.0.0.1 -U postgres -q -c "create database $db"
  MALLOC_ARENA_MAX=2 "${java_home:+$java_home/bin/}java" -Xmx256m -Xms64m -XX:MinHeapFreeRatio=10 \
    -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TrimNativeHeapInterval=5000 \
    "${opts[@]}" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
    --management.server.port="$management" --yourarea.mail.relay-enabled=false --logging.level.root=WARN \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" "${args[@]}" > "$WORK/$name.log" 2>&1 &
  STARTED=$!
}

with_flag() { local flag=$1; shift; for value in "$@"; do printf '%s\0%s\0' "$flag" "$value"; done; }

PORT_A=$(free_port 18680)
MANAGEMENT_A=$(free_port $((PORT_A + 1)))
PORT_B=$(free_port $((MANAGEMENT_A + 1)))
MANAGEMENT_B=$(free_port $((PORT_B + 1)))
mapfile -d '' A_FLAGS < <(with_flag --opt "${A_OPTS[@]}"; with_flag --arg "${A_ARGS[@]}")
mapfile -d '' B_FLAGS < <(with_flag --opt "${B_OPTS[@]}"; with_flag --arg "${B_ARGS[@]}")
# One at a time, so that neither starts with the other's start-up taking half the machine.
start a "$A_JAVA_HOME" "$A_JAR" "$DB_A" "$PORT_A" "$MANAGEMENT_A" "${A_FLAGS[@]}"
PID_A=$STARTED
wait_until_ready "$PID_A" "$MANAGEMENT_A" "$WORK/a.log"
start b "$B_JAVA_HOME" "$B_JAR" "$DB_B" "$PORT_B" "$MANAGEMENT_B" "${B_FLAGS[@]}"
PID_B=$STARTED
wait_until_ready "$PID_B" "$MANAGEMENT_B" "$WORK/b.log"

psql -h 127.0.0.1 -U postgres -At -d "$DB_A" -c \
  "select postcode from postcode where in_force_area and terminated_on is null order by random() limit 5000" \
  > "$WORK/postcodes.txt"
A_URL="http://127.0.0.1:$PORT_A"
B_URL="http://127.0.0.1:$PORT_B"

echo "Side by side, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $ROUNDS rounds of ${SECONDS_EACH} s at $CONNECTIONS connections"
echo "A: $("${A_JAVA_HOME:+$A_JAVA_HOME/bin/}java" -version 2>&1 | head -1); $(basename "$A_JAR") ${A_OPTS[*]} ${A_ARGS[*]}"
echo "B: $("${B_JAVA_HOME:+$B_JAVA_HOME/bin/}java" -version 2>&1 | head -1); $(basename "$B_JAR") ${B_OPTS[*]} ${B_ARGS[*]}"
warm_up "$A_URL/area/wigston"
warm_up "$B_URL/area/wigston"
warm_up "$A_URL/" bench/lua/postcodes.lua "$WORK/postcodes.txt"
warm_up "$B_URL/" bench/lua/postcodes.lua "$WORK/postcodes.txt"

# measure INSTANCE PATH ROUND: one wrk run, appended to $WORK/results as "path instance round rate p99"
measure() {
  local instance=$1 what=$2 round=$3 url out="$WORK/wrk.txt"
  url=$([ "$instance" = A ] && echo "$A_URL" || echo "$B_URL")
  if [ "$what" = page ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$url/area/wigston" > "$out"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/lua/postcodes.lua "$url/" \
      -- "$WORK/postcodes.txt" > "$out"
  fi
  echo "$what $instance $round $(awk '/Requests\/sec/ {printf "%d", $2}' "$out") $(awk '$1 == "99%" {print $2}' "$out" | to_ms)" \
    >> "$WORK/results"
}

: > "$WORK/results"
for round in $(seq "$ROUNDS"); do
  for what in page lookup; do
    if [ $((round % 2)) -eq 1 ]; then order="A B"; else order="B A"; fi
    for instance in $order; do measure "$instance" "$what" "$round"; done
  done
done
RSS_A=$(($(ps -o rss= -p "$PID_A" | tr -d ' ') / 1024))
RSS_B=$(($(ps -o rss= -p "$PID_B" | tr -d ' ') / 1024))

echo
printf '%-7s %-6s %12s %10s %12s %10s\n' what round "A req/s" "A p99 ms" "B req/s" "B p99 ms"
for what in page lookup; do
  for round in $(seq "$ROUNDS"); do
    a=$(awk -v w="$what" -v r="$round" '$1 == w && $2 == "A" && $3 == r {print $4, $5}' "$WORK/results")
    b=$(awk -v w="$what" -v r="$round" '$1 == w && $2 == "B" && $3 == r {print $4, $5}' "$WORK/results")
    printf '%-7s %-6s %12s %10s %12s %10s\n' "$what" "$round" $a $b
  done
  awk -v w="$what" '$1 == w {n[$2]++; rate[$2] += $4; if ($5 > worst[$2]) worst[$2] = $5}
    END {printf "%-7s %-6s %12d %10s %12d %10s   B/A %.3f (worst p99 of each)\n", w, "mean", rate["A"] / n["A"],
         worst["A"], rate["B"] / n["B"], worst["B"], (rate["B"] / n["B"]) / (rate["A"] / n["A"])}' "$WORK/results"
done
echo "resident memory at the end: A $RSS_A MiB, B $RSS_B MiB"
