#!/usr/bin/env bash
# National-scale mode of the benchmark (see docs/benchmarks.md): generates 2.6 million postcodes and
# 5,000 neighbourhood boundaries in 215 local policing areas, imports them through the application's
# own importers into a fresh database, assigns every postcode to its neighbourhood by point in
# polygon, then measures GET /find-your-area over random postcodes with wrk, as bench/run.sh does at
# LE size.
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
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" 2>/dev/null || true
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
java -jar "$JAR" "$DATASOURCE" --server.port=$APP_PORT --yourarea.mail.relay-enabled=false \
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
IN_NEIGHBOURHOODS=$(psql -h 127.0.0.1 -U postgres -At -d "$DB" -c "select count(*) from postcode where neighbourhood_id is not null")

echo "== Starting the application (-Xmx256m)"
java -Xmx256m -jar "$JAR" "$DATASOURCE" --server.port=$APP_PORT --yourarea.mail.relay-enabled=false \
  --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP_PID=$!
until [ "$(status /)" = 200 ]; do sleep 0.2; done

echo "== Warming up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/lua/postcodes.lua "http://127.0.0.1:$APP_PORT/" -- "$DATA/lookups.txt" >/dev/null

to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v}'; }
for _ in $(seq "$RUNS"); do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/lua/postcodes.lua \
    "http://127.0.0.1:$APP_PORT/" -- "$DATA/lookups.txt" > "$WORK/out" 2>&1 || true
  cat "$WORK/out" >> "$RESULTS/wrk-scale-lookup.log"
  echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/out") $(awk '$1=="50%" {print $2}' "$WORK/out" | to_ms) $(awk '$1=="99%" {print $2}' "$WORK/out" | to_ms) $(awk '/Non-2xx or 3xx/ {n+=$NF} /Socket errors/ {gsub(/,/,""); n+=$4+$6+$8+$10} END {print n+0}' "$WORK/out")" >> "$WORK/runs"
done
median() { cut -d' ' -f"$1" "$WORK/runs" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
spread() { cut -d' ' -f"$1" "$WORK/runs" | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }
{
  echo "National scale, measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $RUNS runs of $DURATION, $CONNECTIONS connections."
  echo
  grep -E "postcodes.csv -|boundaries.geojson -|Neighbourhood coverage" "$WORK/import.log" | sed 's/^/- /'
  echo "- Postcodes in a neighbourhood afterwards: $IN_NEIGHBOURHOODS"
  echo
  echo "| measurement | requests/s (spread) | p50 ms (spread) | p99 ms (spread) | errors |"
  echo "|---|---|---|---|---|"
  echo "| 2. find-your-area at national size | $(median 1) ($(spread 1)) | $(median 2) ($(spread 2)) | $(median 3) ($(spread 3)) | $(median 4) |"
} | tee "$RESULTS/scale-summary-$(date -u +%Y%m%dT%H%M%SZ).md"
