#!/usr/bin/env bash
# A burst of staff sign-ins against one instance at -Xmx256m on a fresh database with the demo data,
# while a resident fetches a public page: is there any OutOfMemoryError, and how slow does the page
# get? See docs/benchmarks.md.
#
#   bench/sign-in-burst.sh [--duration 20] [--connections 32] [--at-once 0] [--no-build]
#
# --duration     seconds the burst lasts (default 20)
# --connections  sign-ins in flight at once, each a wrong password for an email address of its own
#                from a client address of its own, so that no sign-in limit refuses it and every one
#                costs an Argon2id hash (default 32; bench/lua/sign-in.lua)
# --at-once      yourarea.security.password-hashing.at-once for this run (default 0: sized to the heap)
# --no-build     use the jar already in target/
# --jar FILE     measure this jar instead (an earlier version, say); implies --no-build
# BURST_PORT     the application's port (default 18490; the management port is 10 above)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=20
CONNECTIONS=32
AT_ONCE=0
BUILD=yes
JAR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --at-once) AT_ONCE="$2"; shift 2 ;;
    --no-build) BUILD=""; shift ;;
    --jar) JAR="$2"; BUILD=""; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

THREADS=2
. bench/lib.sh

APP_PORT=${BURST_PORT:-18490}
RESULTS=bench/results
DB="yourarea_bench_burst_$$"
PAGE=/area/wigston
mkdir -p "$RESULTS"
WORK=$(mktemp -d)

if ! command -v wrk >/dev/null; then
  echo "Installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

APP_PID=""
trap clean_up_run EXIT

if [ -n "$BUILD" ]; then
  echo "== Building"
  ./mvnw -q -B -DskipTests package
fi
[ -n "$JAR" ] || JAR=$(ls target/your-area-*.jar | grep -v plain | head -1)

status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT$1" 2>/dev/null || true; }

if [ "$(status /)" != "000" ]; then
  echo "Something already answers on port $APP_PORT: set BURST_PORT to a free port" >&2
  exit 1
fi
psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
echo "== Starting the application (demo data, -Xmx256m, password-hashing.at-once=$AT_ONCE)"
# Behind a trusted proxy (this machine), as in production behind nginx: each sign-in's client
# address comes from X-Forwarded-For.
java -Xmx256m -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" \
  --spring.profiles.active=demo --server.port=$APP_PORT --management.server.port=$((APP_PORT + 10)) \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  --server.forward-headers-strategy=native --server.tomcat.remoteip.internal-proxies=127.0.0.1/32 \
  --yourarea.security.password-hashing.at-once="$AT_ONCE" \
  --yourarea.mail.relay-enabled=false --logging.level.root=WARN \
  --logging.level.uk.yourarea.security.PasswordHashingTurns=INFO > "$WORK/app.log" 2>&1 &
APP_PID=$!
until [ "$(status "$PAGE")" = 200 ]; do
  kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped:"; tail -50 "$WORK/app.log"; exit 1; }
  sleep 0.2
done

# One form token (its cookie and its form field), sent with every sign-in.
curl -s -c "$WORK/cookies" "http://127.0.0.1:$APP_PORT/staff/sign-in" -o "$WORK/form.html"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/form.html" | sed 's/.*value="//;s/"$//')
COOKIE=$(awk '$6 ~ /CSRF/ {print $6"="$7}' "$WORK/cookies" | head -1)

# page_latency SECONDS FILE: the page about 20 times a second, as residents would fetch it, one
# "status seconds" line per request.
page_latency() {
  touch "$2.running"
  paced_latency "http://127.0.0.1:$APP_PORT$PAGE" "$2" "$2.running" &
  local prober=$!
  sleep "$1"
  rm -f "$2.running"
  wait "$prober"
}

echo "== Warming up (the page, then sign-ins)"
THREADS=2 CONNECTIONS=4 warm_up "http://127.0.0.1:$APP_PORT$PAGE" | tee "$WORK/warm-up.log"
wrk -t2 -c4 -d10s -s bench/lua/sign-in.lua "http://127.0.0.1:$APP_PORT/staff/sign-in" -- "$CSRF" "$COOKIE" \
  > "$WORK/wrk-warm.log" 2>&1 || true
grep SIGN_INS "$WORK/wrk-warm.log" | sed 's/^/   warm-up /' | tee -a "$WORK/warm-up.log"

echo "== The page alone, ${DURATION} s"
page_latency "$DURATION" "$WORK/alone"

echo "== The page during ${DURATION} s of $CONNECTIONS sign-ins at once"
GC_BEFORE=$(wc -l < "$WORK/gc.log")
page_latency "$DURATION" "$WORK/burst" &
LATENCY_PID=$!
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 30s -s bench/lua/sign-in.lua \
  "http://127.0.0.1:$APP_PORT/staff/sign-in" -- "$CSRF" "$COOKIE" > "$WORK/wrk-burst.log" 2>&1 || true
wait "$LATENCY_PID"
ALIVE=$(kill -0 "$APP_PID" 2>/dev/null && echo "still running" || echo "STOPPED")
# Heap in use before each collection during the burst (G1's "used before->after(size)").
PEAK_HEAP=$(tail -n +"$((GC_BEFORE + 1))" "$WORK/gc.log" | grep -o '[0-9]*M->[0-9]*M([0-9]*M)' \
  | sed 's/M->.*//' | sort -n | tail -1)
OOM=$(grep -c 'OutOfMemoryError' "$WORK/app.log" || true)
read -r A_N A_P50 A_P99 A_MAX A_ERR <<< "$(latency_summary "$WORK/alone")"
read -r B_N B_P50 B_P99 B_MAX B_ERR <<< "$(latency_summary "$WORK/burst")"
SIGN_INS=$(grep SIGN_INS "$WORK/wrk-burst.log" | sed 's/SIGN_INS //')
SIGN_IN_RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-burst.log")
SIGN_IN_P50=$(awk '$1=="50%" {print $2}' "$WORK/wrk-burst.log" | to_ms)
SIGN_IN_P99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-burst.log" | to_ms)
TURNS=$(grep -o 'Up to [0-9]* passwords are hashed at once' "$WORK/app.log" | head -1)

{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(basename "$JAR"), $CONNECTIONS sign-ins at once for ${DURATION} s, -Xmx256m, password-hashing.at-once=$AT_ONCE (${TURNS:-no turns})."
  echo
  echo "| the page $PAGE, about 20 requests a second | requests | p50 ms | p99 ms | max ms | errors |"
  echo "|---|---|---|---|---|---|"
  echo "| alone | $A_N | $A_P50 | $A_P99 | $A_MAX | $A_ERR |"
  echo "| during the burst | $B_N | $B_P50 | $B_P99 | $B_MAX | $B_ERR |"
  echo
  echo "- OutOfMemoryError in the log: $OOM; the application is $ALIVE after the burst"
  echo "- Sign-ins: $SIGN_INS; ${SIGN_IN_RPS:-?}/s, p50 ${SIGN_IN_P50:-?} ms, p99 ${SIGN_IN_P99:-?} ms"
  echo "- Heap in use before a collection during the burst, at most: ${PEAK_HEAP:-?} MiB of 256"
  echo "- Warm-up:"
  cat "$WORK/warm-up.log"
} | tee "$RESULTS/sign-in-burst-$(date -u +%Y%m%dT%H%M%SZ).md"
cp "$WORK/wrk-burst.log" "$WORK/app.log" "$WORK/gc.log" "$RESULTS/" 2>/dev/null || true
[ "$OOM" = 0 ] && [ "$ALIVE" = "still running" ]
