#!/usr/bin/env bash
# Measures the site with wrk on 127.0.0.1 against a fresh database with the demo data, and nginx
# serving the same bytes as the Your Area page, in the same run. See docs/benchmarks.md.
#
#   bench/run.sh [--runs 3] [--duration 10s] [--connections 32] [--threads 2]
#
# Every figure is the median of the runs; the spread (min to max) is printed beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=3
DURATION=10s
CONNECTIONS=32
THREADS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

. bench/lib.sh

APP_PORT=18080
NGINX_PORT=18081
RESULTS=bench/results
DB="yourarea_bench_$$"
mkdir -p "$RESULTS"
WORK=$(mktemp -d)
chmod 755 "$WORK" # nginx's workers do not run as us

for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
    echo "Installing $tool"
    apt-get update -qq && apt-get install -y -qq wrk nginx-light >/dev/null
  fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

APP_PID=""
NGINX_STARTED=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_STARTED" ] && "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
  for db in "$DB" "${DB}_plain" "${DB}_train"; do
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db with (force)" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== Building"
./mvnw -q -B -DskipTests package
JAR=$(ls target/your-area-*.jar | grep -v plain | head -1)
JAR_BYTES=$(stat -c %s "$JAR")

status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT$1" 2>/dev/null || true; }
DEMO=(--spring.profiles.active=demo --server.port=$APP_PORT --management.server.port=$((APP_PORT + 10)) --yourarea.mail.relay-enabled=false --logging.level.root=WARN)

# Start-up as a plain jar, on a fresh database of its own.
psql -h 127.0.0.1 -U postgres -q -c "create database ${DB}_plain"
START_NS=$(date +%s%N)
java -Xmx256m -jar "$JAR" "${DEMO[@]}" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${DB}_plain" \
  > "$WORK/plain.log" 2>&1 &
APP_PID=$!
until [ "$(status /)" = 200 ]; do sleep 0.05; done
PLAIN_FIRST_200_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
psql -h 127.0.0.1 -U postgres -q -c "drop database ${DB}_plain with (force)"

# Spring Boot's CDS support: the jar extracted, and a training run (to the end of the context
# refresh, against a throwaway database) that records the classes it loaded in an archive.
echo "== Preparing class data sharing (CDS)"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"
psql -h 127.0.0.1 -U postgres -q -c "create database ${DB}_train"
java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" "${DEMO[@]}" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${DB}_train" > "$WORK/train.log" 2>&1
psql -h 127.0.0.1 -U postgres -q -c "drop database ${DB}_train with (force)"

psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
echo "== Starting the application (demo data, -Xmx256m, CDS)"
START_NS=$(date +%s%N)
java -Xmx256m -XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$APP_JAR" \
  --spring.profiles.active=demo --server.port=$APP_PORT --management.server.port=$((APP_PORT + 10)) \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  --server.forward-headers-strategy=native \
  --yourarea.mail.relay-enabled=false --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP_PID=$!
# (No "curl | grep -q": with pipefail, curl's SIGPIPE would fail the test even when it matched.)
until [ "$(status /)" = 200 ]; do sleep 0.05; done
FIRST_200_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
until [ "$(status /area/wigston)" = 200 ]; do sleep 0.05; done
DATA_READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))

PAGE=/area/wigston
curl -s "http://127.0.0.1:$APP_PORT$PAGE" -o "$WORK/page.html"
PAGE_BYTES=$(stat -c %s "$WORK/page.html")
psql -h 127.0.0.1 -U postgres -At -d "$DB" -c \
  "select postcode from postcode where in_force_area and terminated_on is null order by random() limit 5000" \
  > "$WORK/postcodes.txt"

# nginx serves exactly the bytes of the page, at the same path.
mkdir -p "$WORK/nginx/site/area" "$WORK/nginx/logs"
cp "$WORK/page.html" "$WORK/nginx/site/area/wigston"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
error_log $WORK/nginx/logs/error.log;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx/site; }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
NGINX_STARTED=yes

# The contact form: one form token (its cookie and its form field), sent with every POST.
curl -s -c "$WORK/cookies" "http://127.0.0.1:$APP_PORT/area/south-wigston/contact" -o "$WORK/form.html"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/form.html" | sed 's/.*value="//;s/"$//')
COOKIE=$(awk '$6 ~ /CSRF/ {print $6"="$7}' "$WORK/cookies" | head -1)
# The time the form was shown, as the site signed it; a person takes at least 3 s to fill it in.
STARTED=$(grep -o 'name="startedAt" value="[^"]*"' "$WORK/form.html" | sed 's/.*value="//;s/"$//')
sleep 3

echo "== Warming up"
{
  for url in "$PAGE" /areas /; do warm_up "http://127.0.0.1:$APP_PORT$url"; done
  warm_up "http://127.0.0.1:$APP_PORT/" bench/lua/postcodes.lua "$WORK/postcodes.txt"
  warm_up "http://127.0.0.1:$APP_PORT/area/south-wigston/contact" bench/lua/contact.lua "$CSRF" "$COOKIE" "$STARTED" warm
} | tee "$WORK/warm-up.log"
RSS_WARM_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')

# measure NAME URL [SCRIPT [SCRIPT ARGS...]]: appends "rps p50 p99 errors" per run to $WORK/m-NAME
measure() {
  local name=$1 url=$2; shift 2
  local script=()
  if [ $# -gt 0 ]; then script=(-s "$1"); shift; fi
  for _ in $(seq "$RUNS"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${script[@]}" "$url" -- "$@" > "$WORK/out" 2>&1 || true
    cat "$WORK/out" >> "$WORK/wrk-$name.log"
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/out")
    p50=$(awk '$1=="50%" {print $2}' "$WORK/out" | to_ms)
    p99=$(awk '$1=="99%" {print $2}' "$WORK/out" | to_ms)
    errors=$(awk '/Non-2xx or 3xx/ {n+=$NF} /Socket errors/ {gsub(/,/,""); n+=$4+$6+$8+$10} END {print n+0}' "$WORK/out")
    echo "$rps $p50 $p99 $errors" >> "$WORK/m-$name"
    grep -h '^SEE_OTHER' "$WORK/out" | awk '{print $2}' >> "$WORK/m-$name.303" || true
  done
}

echo "== Measuring ($RUNS runs of $DURATION, $CONNECTIONS connections, $THREADS wrk threads)"
measure page "http://127.0.0.1:$APP_PORT$PAGE"
measure nginx "http://127.0.0.1:$NGINX_PORT$PAGE"
measure lookup "http://127.0.0.1:$APP_PORT/" bench/lua/postcodes.lua "$WORK/postcodes.txt"
measure areas "http://127.0.0.1:$APP_PORT/areas"
RSS_LOAD_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
measure contact "http://127.0.0.1:$APP_PORT/area/south-wigston/contact" bench/lua/contact.lua "$CSRF" "$COOKIE" "$STARTED" bench
STORED=$(psql -h 127.0.0.1 -U postgres -At -d "$DB" -c "select count(*) from contact_message where sender_email like 'bench-%'")
SEEN=$(awk '{n+=$1} END {print n+0}' "$WORK/m-contact.303" 2>/dev/null || echo 0)

# median and spread of column N of a file of runs
median() { cut -d' ' -f"$2" "$WORK/m-$1" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
spread() { cut -d' ' -f"$2" "$WORK/m-$1" | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }
row() { printf "| %s | %s (%s) | %s (%s) | %s (%s) | %s | %s |\n" "$1" "$(median "$2" 1)" "$(spread "$2" 1)" \
  "$(median "$2" 2)" "$(spread "$2" 2)" "$(median "$2" 3)" "$(spread "$2" 3)" "$(median "$2" 4)" "$3"; }

PAGE_RPS=$(median page 1); NGINX_RPS=$(median nginx 1)
{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $RUNS runs of $DURATION each, $CONNECTIONS connections, $THREADS wrk threads."
  echo
  echo "| measurement | requests/s (spread) | p50 ms (spread) | p99 ms (spread) | errors | response bytes |"
  echo "|---|---|---|---|---|---|"
  row "1. Your Area page $PAGE" page "$PAGE_BYTES"
  row "5. nginx, the same bytes" nginx "$PAGE_BYTES"
  row "2. find-your-area, random real postcodes" lookup "303, no body"
  row "3. /areas" areas "$(curl -s "http://127.0.0.1:$APP_PORT/areas" | wc -c)"
  row "4. contact form POST" contact "303"
  echo
  echo "- Your Area page / nginx: $(awk -v a="$PAGE_RPS" -v b="$NGINX_RPS" 'BEGIN {printf "%.0f%%", 100*a/b}')"
  # Requests still in flight when wrk stops are stored but never counted, so stored >= answered.
  echo "- Contact form: $SEEN answered 303, $STORED stored ($( [ "$STORED" -ge "$SEEN" ] && echo "every 303 stored, none lost" || echo "LOST $((SEEN - STORED))"))"
  echo "- Start-up with CDS: first 200 after ${FIRST_200_MS} ms; demo data loaded and the Your Area page served after ${DATA_READY_MS} ms"
  echo "- Start-up as a plain jar: first 200 after ${PLAIN_FIRST_200_MS} ms"
  echo "- Resident memory: $((RSS_WARM_KB / 1024)) MiB after warm-up, $((RSS_LOAD_KB / 1024)) MiB under load (-Xmx256m)"
  echo "- Jar: $((JAR_BYTES / 1024 / 1024)) MiB"
  echo "- Warm-up:"
  cat "$WORK/warm-up.log"
  echo "- Your Area page gzipped: $(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$PAGE" | wc -c) bytes; CSS gzipped: $(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$(grep -o '/css/app[^"]*\.css' "$WORK/page.html" | head -1)" | wc -c) bytes"
} | tee "$RESULTS/summary-$(date -u +%Y%m%dT%H%M%SZ).md"
cp "$WORK"/wrk-*.log "$WORK/app.log" "$RESULTS/" 2>/dev/null || true
