#!/usr/bin/env bash
# Measures the site with wrk on 127.0.0.1 against a fresh database with the demo data, beside the
# machine's own limits in the same run: nginx serving the same bytes as the Your Area page, and
# pgbench running the postcode lookup's statement. See docs/benchmarks.md.
#
#   bench/run.sh [--runs 3] [--duration 10s] [--connections 32] [--threads 2]
#                [--java-opt -XX:...]... [--app-arg --name=value]... [--without-aot-cache]
#
# --java-opt and --app-arg (both repeatable) pass an option to the JVM or a setting to the application,
# to measure one change without editing anything. The JDK is $JAVA_HOME's when it is set; on JDK 24 or
# newer the run also measures start-up with an AOT cache, and measures the rest with it, unless
# --without-aot-cache is given (then the rest runs with CDS, as on older JDKs).
#
# Every figure is the median of the runs; the spread (min to max) is printed beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=3
DURATION=10s
CONNECTIONS=32
THREADS=2
JAVA_OPTS=()
APP_ARGS=()
WITHOUT_AOT_CACHE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --java-opt) JAVA_OPTS+=("$2"); shift 2 ;;
    --app-arg) APP_ARGS+=("$2"); shift 2 ;;
    --without-aot-cache) WITHOUT_AOT_CACHE=1; shift ;;
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

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVA_FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT$1" 2>/dev/null || true; }
DEMO=(--spring.profiles.active=demo --server.port=$APP_PORT --management.server.port=$((APP_PORT + 10)) --yourarea.mail.relay-enabled=false --logging.level.root=WARN "${APP_ARGS[@]}")

# Sets the variable named by its first argument to the milliseconds from starting the JVM to the first
# 200 for /, on a fresh database of its own, then stops the application. (Not a $(…): the application
# must stay the script's own child, for cleanup to stop it.)
#   time_first_200 <variable> <jar> [jvm option]...
time_first_200() {
  local variable="$1" jar="$2" start_ns
  shift 2
  psql -h 127.0.0.1 -U postgres -q -c "create database ${DB}_plain"
  start_ns=$(date +%s%N)
  "$JAVA" -Xmx256m "$@" "${JAVA_OPTS[@]}" -jar "$jar" "${DEMO[@]}" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${DB}_plain" > "$WORK/start-up.log" 2>&1 &
  APP_PID=$!
  until [ "$(status /)" = 200 ]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped while starting:" >&2; tail -20 "$WORK/start-up.log" >&2; exit 1; }
    sleep 0.05
  done
  printf -v "$variable" '%s' $(( ($(date +%s%N) - start_ns) / 1000000 ))
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  psql -h 127.0.0.1 -U postgres -q -c "drop database ${DB}_plain with (force)"
}

# Start-up as a plain jar (java -jar, classes read from the jars nested in it).
time_first_200 PLAIN_FIRST_200_MS "$JAR"

# Spring Boot's CDS support: the jar extracted, and a training run (to the end of the context
# refresh, against a throwaway database) that records the classes it loaded in an archive.
echo "== Preparing class data sharing (CDS)"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"
# The same classes read from the extracted jar's own files, still with no cache: Spring Boot's nested
# jar loader's share of a plain start.
time_first_200 EXTRACTED_FIRST_200_MS "$APP_JAR"
psql -h 127.0.0.1 -U postgres -q -c "create database ${DB}_train"
"$JAVA" -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" "${DEMO[@]}" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${DB}_train" > "$WORK/train.log" 2>&1
psql -h 127.0.0.1 -U postgres -q -c "drop database ${DB}_train with (force)"
CACHE=(-XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
CACHE_NAME=CDS

# JDK 24 and newer: an AOT cache (JEP 483), which also keeps classes linked and loaded, from the same
# kind of training run. Its start-up is measured on a database of its own; the rest of the run uses it.
if [ -z "$WITHOUT_AOT_CACHE" ] && [ "${JAVA_FEATURE%%.*}" -ge 24 ] 2>/dev/null; then
  echo "== Preparing an AOT cache (JDK $JAVA_FEATURE)"
  psql -h 127.0.0.1 -U postgres -q -c "create database ${DB}_train"
  "$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh -jar "$APP_JAR" "${DEMO[@]}" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${DB}_train" > "$WORK/train-aot.log" 2>&1
  psql -h 127.0.0.1 -U postgres -q -c "drop database ${DB}_train with (force)"
  if [ -f "$WORK/app.aot" ]; then
    time_first_200 CDS_FIRST_200_MS "$APP_JAR" -XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
    CACHE=(-XX:AOTCache="$WORK/app.aot" -Xlog:aot=off -Xlog:cds=off)
    CACHE_NAME="AOT cache"
  fi
fi

psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
echo "== Starting the application (demo data, -Xmx256m, $CACHE_NAME)"
START_NS=$(date +%s%N)
"$JAVA" -Xmx256m "${CACHE[@]}" "${JAVA_OPTS[@]}" -jar "$APP_JAR" "${APP_ARGS[@]}" \
  --spring.profiles.active=demo --server.port=$APP_PORT --management.server.port=$((APP_PORT + 10)) \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  --server.forward-headers-strategy=native \
  --yourarea.mail.relay-enabled=false --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP_PID=$!
# (No "curl | grep -q": with pipefail, curl's SIGPIPE would fail the test even when it matched.)
until [ "$(status /)" = 200 ]; do sleep 0.05; done
FIRST_200_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
# The demo's Your Area pages answer before its postcodes are committed: readiness comes once the demo
# data is all in (a postcode list read earlier was empty, and the lookup asked for one postcode).
until [ "$(status /area/wigston)" = 200 ] \
  && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((APP_PORT + 10))/actuator/health/readiness")" = 200 ]; do
  sleep 0.05
done
DATA_READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))

PAGE=/area/wigston
curl -s "http://127.0.0.1:$APP_PORT$PAGE" -o "$WORK/page.html"
PAGE_BYTES=$(stat -c %s "$WORK/page.html")
psql -h 127.0.0.1 -U postgres -At -d "$DB" -c \
  "select postcode from postcode where in_force_area and terminated_on is null order by random() limit 5000" \
  > "$WORK/postcodes.txt"
[ -s "$WORK/postcodes.txt" ] || { echo "no postcodes in the database for the lookup" >&2; exit 1; }

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

# The database's own limit for the lookup: pgbench running the application's statement (read from its
# Java source), prepared, 4 clients on 2 threads: its best rate on two cores.
# pgbench has no string variables, so it picks among 100 scripts, one random real postcode each.
LOOKUP_SQL=$(awk '/String FIND = """/ {on=1; next} on && /""";/ {exit} on' \
  src/main/java/uk/yourarea/postcode/PostcodeLookup.java | tr '\n\t' '  ' | sed 's/  */ /g')
mkdir -p "$WORK/pgbench"
awk -v sql="$LOOKUP_SQL" -v dir="$WORK/pgbench" -v q="'" 'NR <= 100 {
    statement = sql; sub(/\?/, q $0 q, statement); file = dir "/" NR ".sql"
    print statement ";" > file; close(file) }' "$WORK/postcodes.txt"
PGBENCH_SCRIPTS=$(find "$WORK/pgbench" -name '*.sql' | wc -l)
echo "== pgbench: $PGBENCH_SCRIPTS scripts of the lookup's statement from $(wc -l < "$WORK/postcodes.txt") postcodes"
[ "$PGBENCH_SCRIPTS" -gt 0 ] || { echo "no postcodes for pgbench" >&2; exit 1; }
measure_pgbench() {
  local files=() f
  for f in "$WORK"/pgbench/*.sql; do files+=(-f "$f"); done
  for _ in $(seq "$RUNS"); do
    pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 4 -j 2 -T "${DURATION%s}" "${files[@]}" "$DB" \
      > "$WORK/out" 2>&1 || true
    cat "$WORK/out" >> "$WORK/pgbench.log"
    echo "$(awk '/^tps/ {printf "%d", $3}' "$WORK/out") $(awk '/^latency average/ {print $4; exit}' "$WORK/out") - 0" \
      >> "$WORK/m-pgbench"
  done
}

echo "== Measuring ($RUNS runs of $DURATION, $CONNECTIONS connections, $THREADS wrk threads)"
measure page "http://127.0.0.1:$APP_PORT$PAGE"
measure nginx "http://127.0.0.1:$NGINX_PORT$PAGE"
measure lookup "http://127.0.0.1:$APP_PORT/" bench/lua/postcodes.lua "$WORK/postcodes.txt"
measure areas "http://127.0.0.1:$APP_PORT/areas"
RSS_LOAD_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
measure_pgbench
measure contact "http://127.0.0.1:$APP_PORT/area/south-wigston/contact" bench/lua/contact.lua "$CSRF" "$COOKIE" "$STARTED" bench
STORED=$(psql -h 127.0.0.1 -U postgres -At -d "$DB" -c "select count(*) from contact_message where sender_email like 'bench-%'")
SEEN=$(awk '{n+=$1} END {print n+0}' "$WORK/m-contact.303" 2>/dev/null || echo 0)

# median and spread of column N of a file of runs
median() { cut -d' ' -f"$2" "$WORK/m-$1" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
spread() { cut -d' ' -f"$2" "$WORK/m-$1" | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }
row() { printf "| %s | %s (%s) | %s (%s) | %s (%s) | %s | %s |\n" "$1" "$(median "$2" 1)" "$(spread "$2" 1)" \
  "$(median "$2" 2)" "$(spread "$2" 2)" "$(median "$2" 3)" "$(spread "$2" 3)" "$(median "$2" 4)" "$3"; }

PAGE_RPS=$(median page 1); NGINX_RPS=$(median nginx 1)
LOOKUP_RPS=$(median lookup 1); PGBENCH_TPS=$(median pgbench 1)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a/b; else print "-"}'; }
{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $RUNS runs of $DURATION each, $CONNECTIONS connections, $THREADS wrk threads."
  echo
  echo "| measurement | requests/s (spread) | p50 ms (spread) | p99 ms (spread) | errors | response bytes |"
  echo "|---|---|---|---|---|---|"
  row "1. Your Area page $PAGE" page "$PAGE_BYTES"
  row "5. nginx, the same bytes" nginx "$PAGE_BYTES"
  row "2. find-your-area, random real postcodes" lookup "303, no body"
  row "6. pgbench, the lookup's statement (p50 = mean)" pgbench "4 clients, prepared"
  row "3. /areas" areas "$(curl -s "http://127.0.0.1:$APP_PORT/areas" | wc -c)"
  row "4. contact form POST" contact "303"
  echo
  echo
  echo "| against the machine's limit | ours | limit | ratio | target |"
  echo "|---|---|---|---|---|"
  echo "| Your Area page / nginx, same bytes | $PAGE_RPS | $NGINX_RPS | $(ratio "$PAGE_RPS" "$NGINX_RPS") | ≥ 0.50, p99 < 10 ms (p99 $(median page 3) ms) |"
  echo "| postcode lookup / pgbench, same statement | $LOOKUP_RPS | $PGBENCH_TPS | $(ratio "$LOOKUP_RPS" "$PGBENCH_TPS") | ≥ 0.50, p99 < 10 ms (p99 $(median lookup 3) ms) |"
  echo
  # Requests still in flight when wrk stops are stored but never counted, so stored >= answered.
  echo "- Contact form: $SEEN answered 303, $STORED stored ($( [ "$STORED" -ge "$SEEN" ] && echo "every 303 stored, none lost" || echo "LOST $((SEEN - STORED))"))"
  echo "- JDK $JAVA_FEATURE ($("$JAVA" -version 2>&1 | head -1)); JVM options: ${JAVA_OPTS[*]:-none}; settings: ${APP_ARGS[*]:-none}"
  [ -n "${CDS_FIRST_200_MS:-}" ] && echo "- Start-up with CDS: first 200 after ${CDS_FIRST_200_MS} ms"
  echo "- Start-up with $CACHE_NAME: first 200 after ${FIRST_200_MS} ms; demo data loaded and the Your Area page served after ${DATA_READY_MS} ms"
  echo "- Start-up as a plain jar: first 200 after ${PLAIN_FIRST_200_MS} ms; from the extracted jar with no cache ${EXTRACTED_FIRST_200_MS} ms"
  echo "- Resident memory: $((RSS_WARM_KB / 1024)) MiB after warm-up, $((RSS_LOAD_KB / 1024)) MiB under load (-Xmx256m)"
  echo "- Jar: $((JAR_BYTES / 1024 / 1024)) MiB"
  echo "- Warm-up:"
  cat "$WORK/warm-up.log"
  echo "- Your Area page gzipped: $(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$PAGE" | wc -c) bytes; CSS gzipped: $(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$(grep -o '/assets/css/app[^"]*\.css' "$WORK/page.html" | head -1)" | wc -c) bytes"
} | tee "$RESULTS/summary-$(date -u +%Y%m%dT%H%M%SZ).md"
cp "$WORK"/wrk-*.log "$WORK/pgbench.log" "$WORK/app.log" "$RESULTS/" 2>/dev/null || true
