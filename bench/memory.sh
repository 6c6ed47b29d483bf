#!/usr/bin/env bash
# Where an instance's memory goes under load (issue 19): the jar at -Xmx256m with the documented start
# command's options, on a fresh database with the demo data, loaded with the Your Area page, the
# postcode lookup and the list of areas (wrk, 32 connections) for about 90 s. It prints the page's and
# the lookup's rate and p99 over a last 10 s each, the resident memory (ps) after each, the number of
# collections, the JVM's own account of its native memory, the heap in use, and the heap's live set
# after a full collection with its largest classes. One run takes about 3 minutes.
#
#   bench/memory.sh [--no-build] [--java-opt -XX:...]... [--without-heap-options]
#
# --java-opt             add an option to the JVM (repeatable), to measure one change
# --without-heap-options leave out -Xms64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
# The JDK is $JAVA_HOME's when it is set. Native memory tracking is on for the whole run and costs some
# memory of its own (its own line below): compare resident figures only between runs of this script,
# never with bench/run.sh's.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=yes
JAVA_OPTS=()
HEAP_OPTS=(-Xms64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=""; shift ;;
    --java-opt) JAVA_OPTS+=("$2"); shift 2 ;;
    --without-heap-options) HEAP_OPTS=(); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

. bench/lib.sh

APP_PORT=$(free_port 18580)
MANAGEMENT_PORT=$(free_port $((APP_PORT + 10)))
DB="yourarea_memory_$$"
WORK=$(mktemp -d)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

APP_PID=""
trap clean_up_run EXIT

if [ -n "$BUILD" ]; then
  ./mvnw -q -B -DskipTests -Djacoco.skip=true package > "$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; exit 1; }
fi
JAR=$(ls target/your-area-*.jar | grep -v plain | head -1)

psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
MALLOC_ARENA_MAX=2 "$JAVA" -Xmx256m "${HEAP_OPTS[@]}" -XX:ReservedCodeCacheSize=64m -Xss512k \
  -XX:TrimNativeHeapInterval=5000 -XX:NativeMemoryTracking=summary -Xlog:gc:file="$WORK/gc.log":uptime \
  "${JAVA_OPTS[@]}" -jar "$JAR" --spring.profiles.active=demo --server.port="$APP_PORT" \
  --management.server.port="$MANAGEMENT_PORT" --yourarea.mail.relay-enabled=false --logging.level.root=WARN \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" > "$WORK/app.log" 2>&1 &
APP_PID=$!
wait_until_ready "$APP_PID" "$MANAGEMENT_PORT" "$WORK/app.log"
psql -h 127.0.0.1 -U postgres -At -d "$DB" -c \
  "select postcode from postcode where in_force_area and terminated_on is null order by random() limit 5000" \
  > "$WORK/postcodes.txt"

BASE="http://127.0.0.1:$APP_PORT"
for _ in 1 2; do
  wrk -t2 -c32 -d15s "$BASE/area/wigston" > /dev/null
  wrk -t2 -c32 -d15s -s bench/lua/postcodes.lua "$BASE/" -- "$WORK/postcodes.txt" > /dev/null
  wrk -t2 -c32 -d5s "$BASE/areas" > /dev/null
done
wrk -t2 -c32 -d10s --latency "$BASE/area/wigston" > "$WORK/page.txt"
RSS_PAGE_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
wrk -t2 -c32 -d10s --latency -s bench/lua/postcodes.lua "$BASE/" -- "$WORK/postcodes.txt" > "$WORK/lookup.txt"
RSS_LOOKUP_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
"$JCMD" "$APP_PID" VM.native_memory summary > "$WORK/nmt.txt"
"$JCMD" "$APP_PID" GC.heap_info > "$WORK/heap.txt"
"$JCMD" "$APP_PID" GC.class_histogram > "$WORK/histogram.txt"
"$JCMD" "$APP_PID" GC.heap_info > "$WORK/heap-live.txt"

rate() { awk '/Requests\/sec/ {printf "%d", $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1" | to_ms; }
echo "Memory under load, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
echo "options: -Xmx256m ${HEAP_OPTS[*]} -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TrimNativeHeapInterval=5000 ${JAVA_OPTS[*]}"
echo "page    $(rate "$WORK/page.txt") requests/s, p99 $(p99 "$WORK/page.txt") ms; resident after it $((RSS_PAGE_KB / 1024)) MiB"
echo "lookup  $(rate "$WORK/lookup.txt") requests/s, p99 $(p99 "$WORK/lookup.txt") ms; resident after it $((RSS_LOOKUP_KB / 1024)) MiB"
echo "collections: $(grep -c 'Pause' "$WORK/gc.log")"
echo "native memory, committed (the JVM's account; resident is less where pages were never touched):"
awk '/^-/ && /committed=/ {name=$0; sub(/^- */, "", name); sub(/ *\(.*/, "", name);
     match($0, /committed=[0-9]+KB/); kb=substr($0, RSTART + 10, RLENGTH - 12) + 0;
     if (kb >= 1024) printf "  %-28s %6d MiB\n", name, kb / 1024}' "$WORK/nmt.txt"
echo "heap in use:            $(grep -m1 -o 'used [0-9]*K' "$WORK/heap.txt" | tr -dc 0-9 | awk '{printf "%d", $1 / 1024}') MiB"
echo "heap live (after a full collection): $(grep -m1 -o 'used [0-9]*K' "$WORK/heap-live.txt" | tr -dc 0-9 | awk '{printf "%d", $1 / 1024}') MiB; the largest classes:"
sed -n 4,13p "$WORK/histogram.txt" | awk '{printf "  %8.1f MiB %9d  %s\n", $3 / 1048576, $2, $4}'
