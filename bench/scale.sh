#!/usr/bin/env bash
# National-scale mode of the benchmark (see docs/benchmarks.md): generates 2.6 million postcodes and
# 5,000 neighbourhood boundaries in 215 local policing areas, imports them through the application's
# own importers into a fresh database, assigns every postcode to its neighbourhood by point in
# polygon, then measures GET /find-your-area over random postcodes with wrk. It then measures the same
# at LE size (the demo data) in the same run, and prints how the two compare. Both run with the
# lookup's kept answers turned off (yourarea.postcodes.answers-kept=0), so that every lookup reaches
# the database whose size is being compared.
#
#   bench/scale.sh [--runs 3] [--duration 10s] [--connections 32] [--threads 2]
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

APP_PORT=18082
RESULTS=bench/results
DATA="$RESULTS/national"
DB="yourarea_scale_$$"
mkdir -p "$RESULTS"
WORK=$(mktemp -d)

if ! command -v wrk >/dev/null; then
  echo "Installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  for db in "$DB" "${DB}_le"; do
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db with (force)" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== Building"
./mvnw -q -B -DskipTests package
JAR=$(ls target/your-area-*.jar | grep -v plain | head -1)
DATASOURCE="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB"

if [ ! -s "$DATA/lookups.txt" ]; then
  echo "== Generating the national dataset in $DATA"
  java bench/scale/GenerateNationalData.java "$DATA"
fi

psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
echo "== Creating the schema (the application's own migrations)"
java -jar "$JAR" "$DATASOURCE" --server.port=$APP_PORT --management.server.port=$((APP_PORT + 10)) --yourarea.mail.relay-enabled=false \
  --logging.level.root=WARN > "$WORK/schema.log" 2>&1 &
APP_PID=$!
status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT$1" 2>/dev/null || true; }
until [ "$(status /)" = 200 ]; do sleep 0.2; done
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

echo "== Loading 215 local policing areas and 5,000 neighbourhoods"
psql -h 127.0.0.1 -U postgres -q -d "$DB" <<SQL
\copy local_policing_area (code, name) from '$DATA/local-policing-areas.csv' with (format csv)
create temporary table generated (code text, slug text, name text, area_code text);
\copy generated from '$DATA/neighbourhoods.csv' with (format csv)
insert into neighbourhood (code, slug, name, local_policing_area_id)
select g.code, g.slug, g.name, a.id from generated g join local_policing_area a on a.code = g.area_code;
SQL

echo "== Importing 2.6 million postcodes and 5,000 boundaries, then assigning every postcode"
java -Xmx1g -jar "$JAR" "$DATASOURCE" --spring.main.web-application-type=none --logging.level.root=WARN \
  --yourarea.mail.relay-enabled=false \
  --import-postcodes="$DATA/postcodes.csv" --import-boundaries="$DATA/boundaries.geojson" | tee "$WORK/import.log"
psql -h 127.0.0.1 -U postgres -At -d "$DB" -c "vacuum analyze postcode"
# Write the import's dirty pages out now, not during the measurement.
psql -h 127.0.0.1 -U postgres -q -c "checkpoint"
IN_NEIGHBOURHOODS=$(psql -h 127.0.0.1 -U postgres -At -d "$DB" -c "select count(*) from postcode where neighbourhood_id is not null")

# lookups NAME LIST: warms up, then RUNS measurements of GET /find-your-area over the postcodes in LIST
lookups() {
  local name=$1 list=$2
  warm_up "http://127.0.0.1:$APP_PORT/" bench/lua/postcodes.lua "$list" | tee -a "$WORK/warm-up.log"
  for _ in $(seq "$RUNS"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/lua/postcodes.lua \
      "http://127.0.0.1:$APP_PORT/" -- "$list" > "$WORK/out" 2>&1 || true
    cat "$WORK/out" >> "$RESULTS/wrk-scale-$name.log"
    echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/out") $(awk '$1=="50%" {print $2}' "$WORK/out" | to_ms) $(awk '$1=="99%" {print $2}' "$WORK/out" | to_ms) $(awk '/Non-2xx or 3xx/ {n+=$NF} /Socket errors/ {gsub(/,/,""); n+=$4+$6+$8+$10} END {print n+0}' "$WORK/out")" >> "$WORK/runs-$name"
  done
}

echo "== National size: starting the application (-Xmx256m)"
java -Xmx256m -jar "$JAR" "$DATASOURCE" --server.port=$APP_PORT --yourarea.mail.relay-enabled=false \
  --yourarea.postcodes.answers-kept=0 --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP_PID=$!
until [ "$(status /)" = 200 ]; do sleep 0.2; done
lookups national "$DATA/lookups.txt"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
# Nothing of the national database may run (autovacuum) while LE size is measured.
psql -h 127.0.0.1 -U postgres -q -c "drop database $DB with (force)"

# The same measurement at LE size (the demo data, 21,621 postcodes), in the same run, for the ratio.
echo "== LE size: starting the application with the demo data (-Xmx256m)"
psql -h 127.0.0.1 -U postgres -q -c "create database ${DB}_le"
java -Xmx256m -jar "$JAR" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${DB}_le" \
  --spring.profiles.active=demo --server.port=$APP_PORT --yourarea.mail.relay-enabled=false --yourarea.postcodes.answers-kept=0 \
  --logging.level.root=WARN > "$WORK/app-le.log" 2>&1 &
APP_PID=$!
until [ "$(status /area/wigston)" = 200 ]; do sleep 0.2; done
psql -h 127.0.0.1 -U postgres -At -d "${DB}_le" -c \
  "select postcode from postcode where in_force_area and terminated_on is null order by random() limit 10000" \
  > "$WORK/le-lookups.txt"
lookups le "$WORK/le-lookups.txt"

median() { cut -d' ' -f"$2" "$WORK/runs-$1" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
spread() { cut -d' ' -f"$2" "$WORK/runs-$1" | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }
row() { echo "| $1 | $(median "$2" 1) ($(spread "$2" 1)) | $(median "$2" 2) ($(spread "$2" 2)) | $(median "$2" 3) ($(spread "$2" 3)) | $(median "$2" 4) |"; }
{
  echo "National scale, measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $RUNS runs of $DURATION, $CONNECTIONS connections."
  echo
  grep -E "postcodes.csv -|boundaries.geojson -|Neighbourhood coverage" "$WORK/import.log" | sed 's/^/- /'
  echo "- Postcodes in a neighbourhood afterwards: $IN_NEIGHBOURHOODS"
  cat "$WORK/warm-up.log"
  echo
  echo "| measurement | requests/s (spread) | p50 ms (spread) | p99 ms (spread) | errors |"
  echo "|---|---|---|---|---|"
  row "2. find-your-area at national size (10,000 random postcodes of 2.6 million)" national
  row "2. find-your-area at LE size (10,000 random postcodes of 21,621)" le
  echo
  awk -v n="$(median national 3)" -v l="$(median le 3)" -v nr="$(median national 1)" -v lr="$(median le 1)" 'BEGIN {
    printf "- National against LE size: p99 %+.0f%%, requests/s %+.0f%% (target: within 20%%)\n", 100*(n-l)/l, 100*(nr-lr)/lr }'
} | tee "$RESULTS/scale-summary-$(date -u +%Y%m%dT%H%M%SZ).md"
