#!/usr/bin/env bash
# Measures sending a neighbourhood alert to many subscribers (issue 15), in one run on 127.0.0.1:
#   1. queueing: an alert to --subscribers confirmed subscribers of Wigston, from "send" to the last
#      email in the outbox (the alert's published_at to its queued_at), with only one client asking for
#      the Your Area page about 20 times a second, one request at a time, as residents would: its
#      latency is the page's during the send (the relay is sending meanwhile);
#   2. a second alert to the same subscribers while wrk asks for the Your Area page (4 connections):
#      its queueing time under that load; the page's latency before the send, while it is queued
#      (5 s from the moment it starts) and while the relay alone sends it (10 s after the last email
#      is queued); and how long an email a resident is waiting for (queued as the contact form
#      queues its acknowledgement, RESIDENT priority) takes to leave, one every 2 seconds meanwhile;
#   3. relaying: emails a second handed to a local SMTP sink over --relay-seconds while both go, and the
#      resident's client of step 1 for 10 s while the relay alone sends.
# See docs/benchmarks.md ("Sending an alert to 100,000 subscribers").
#
#   bench/alerts.sh [--subscribers 100000] [--relay-seconds 60] [--no-build] [--app-arg --name=value]...
#
# --app-arg passes a setting to the application (repeatable), to try one without a rebuild, for
# example --app-arg --yourarea.alerts.step-pause=20ms.
#
# The application is built from this tree and runs with the demo profile and -Xmx256m on a database of
# its own on the local PostgreSQL (127.0.0.1:5432, user postgres), created here and dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

SUBSCRIBERS=100000
RELAY_SECONDS=60
BUILD=yes
APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --subscribers) SUBSCRIBERS="$2"; shift 2 ;;
    --relay-seconds) RELAY_SECONDS="$2"; shift 2 ;;
    --no-build) BUILD=""; shift ;;
    --app-arg) APP_ARGS+=("$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

. bench/lib.sh
log() { echo "== $(date -u +%H:%M:%S) $*"; }

if ! command -v wrk >/dev/null; then
  echo "Installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

DB="yourarea_alerts_bench_$$"
WORK=$(mktemp -d)
APP_PORT=$(free_port 18280)
MANAGEMENT_PORT=$(free_port $((APP_PORT + 10)))
SMTP_PORT=$(free_port 12725)
BASE="http://127.0.0.1:$APP_PORT"
APP_PID=""
SINK_PID=""
BACKGROUND=()

psql_q() { PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -U postgres -X -q -At -v ON_ERROR_STOP=1 "$@"; }
sql() { psql_q -d "$DB" -c "$1"; }

cleanup() {
  set +e
  for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null; done
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null
    local deadline=$((SECONDS + 45))
    while kill -0 "$APP_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null
    wait "$APP_PID" 2>/dev/null
  fi
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null; fi
  psql_q -d postgres -c "drop database if exists $DB with (force)" 2>/dev/null
  mkdir -p bench/results && cp "$WORK"/wrk-*.txt "$WORK"/paced-*.txt "$WORK/gc.log" bench/results/ 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$BUILD" ]; then
  log "Building the application"
  ./mvnw -q -B -ntp package -DskipTests > "$WORK/build.log" 2>&1 || { tail -50 "$WORK/build.log"; exit 1; }
fi
JAR=$(ls target/your-area-*.jar | grep -v plain | head -1)

psql_q -d postgres -c "create database $DB"
python3 bench/outbox/sink.py --port "$SMTP_PORT" --stats "$WORK/sink.txt" &
SINK_PID=$!

log "Starting the application (demo data, -Xmx256m)"
SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT java -Xmx256m -Xlog:gc:file="$WORK/gc.log":uptime -jar "$JAR" \
  --spring.profiles.active=demo \
  --server.port="$APP_PORT" --management.server.port="$MANAGEMENT_PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" "${APP_ARGS[@]}" \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
wait_until_ready "$APP_PID" "$MANAGEMENT_PORT" "$WORK/app.log"
# The demo's alerts and emails are sent before the measurement starts.
sleep 5

log "Adding $SUBSCRIBERS confirmed subscribers to Wigston"
sql "insert into alert_subscriber (email, created_at)
       select 'subscriber' || g || '@bench.example.org', now() from generate_series(1, $SUBSCRIBERS) g;
     insert into alert_subscription (alert_subscriber_id, neighbourhood_id, categories, requested_at, confirmed_at)
       select s.id, (select id from neighbourhood where slug = 'wigston'), '{EVERYTHING}', now(), now()
       from alert_subscriber s where s.email like '%@bench.example.org';
     analyze alert_subscriber; analyze alert_subscription;"

page_latency() { # LABEL SECONDS: wrk on the Your Area page; prints "req/s p50 p99"
  wrk -t2 -c4 -d"$2"s --latency "$BASE/area/wigston" > "$WORK/wrk-$1.txt" 2>&1
  local rate p50 p99
  rate=$(awk '/Requests\/sec/ {printf "%d", $2}' "$WORK/wrk-$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk-$1.txt" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$1.txt" | to_ms)
  echo "$rate $p50 $p99"
}

log "Warming up the page, then its latency with no send"
page_latency warm-up 20 > /dev/null
read -r QUIET_RATE QUIET_P50 QUIET_P99 < <(page_latency quiet 15)

AUTHOR=$(sql "select id from staff_account where email = 'officer.wigston@example.org'")
send_alert() { # TITLE: an alert to Wigston's subscribers, due now; prints its id
  local id
  id=$(sql "insert into alert (title, body, topic, reach, author_id, status, send_at, created_at, updated_at)
    values ('$1',
            'Officers are looking into burglaries of sheds and garages on Long Street and nearby. '
            || repeat('Please lock your shed, mark your tools and tell us about anything you see. ', 12),
            'APPEALS', 'NEIGHBOURHOODS', $AUTHOR, 'SCHEDULED', now(), now(), now()) returning id" | head -1)
  sql "insert into alert_neighbourhood (alert_id, neighbourhood_id) select $id, id from neighbourhood where slug = 'wigston'"
  echo "$id"
}
wait_queued() { # ID
  local deadline=$((SECONDS + 300))
  until [ "$(sql "select status from alert where id = $1")" = SENT ] || [ $SECONDS -ge $deadline ]; do sleep 0.5; done
}
queue_ms() { sql "select round(extract(epoch from queued_at - published_at) * 1000) from alert where id = $1"; }

wait_sending() { # ID
  local deadline=$((SECONDS + 60))
  until [ "$(sql "select status from alert where id = $1")" != SCHEDULED ] || [ $SECONDS -ge $deadline ]; do sleep 0.1; done
}

log "Sending an alert with only a resident asking for the page, about 20 times a second"
FIRST=$(send_alert "Shed and garage burglaries on Long Street")
wait_sending "$FIRST"
touch "$WORK/probing"
paced_latency "$BASE/area/wigston" "$WORK/paced-queueing.txt" "$WORK/probing" &
PROBE=$!
wait_queued "$FIRST"
rm -f "$WORK/probing"
wait "$PROBE"
QUIET_QUEUE_MS=$(queue_ms "$FIRST")
read -r PQ_N PQ_P50 PQ_P99 PQ_MAX PQ_ERR < <(latency_summary "$WORK/paced-queueing.txt")

log "Sending a second alert while wrk asks for the Your Area page"
ALERT=$(send_alert "Shed and garage burglaries: an update")
# Residents' emails during the send: one every 2 seconds, straight into the outbox as the contact form
# queues an acknowledgement.
(
  for i in $(seq 1 $(( (RELAY_SECONDS + 30) / 2 ))); do
    sql "insert into outbox_email (kind, to_address, subject, body, status, attempts, created_at, next_attempt_at, priority)
         values ('contact-acknowledgement', 'resident$i@bench.example.org', 'We have your message',
                 'Thank you for your message.', 'PENDING', 0, now(), now(), 'RESIDENT')" || true
    sleep 2
  done
) &
BACKGROUND+=($!)

gc_log_now() { awk '{gsub(/[\[\]s]/, "", $1); t = $1} END {print t + 0}' "$WORK/gc.log"; }
# gc_pauses FROM TO: the collector's pauses between two moments of its log: how many, and the longest
gc_pauses() {
  awk -v from="$1" -v to="$2" '/Pause/ {
      t = $1; gsub(/[\[\]s]/, "", t); ms = $NF; gsub(/ms/, "", ms)
      if (t + 0 > from && t + 0 <= to) { n++; if (ms + 0 > max) max = ms + 0 } }
    END {printf "%d %.1f\n", n, max}' "$WORK/gc.log"
}
wait_sending "$ALERT"
GC_FROM=$(gc_log_now)
read -r BUSY_RATE BUSY_P50 BUSY_P99 < <(page_latency queueing 5)
GC_TO=$(gc_log_now)
read -r GC_PAUSES GC_LONGEST < <(gc_pauses "$GC_FROM" "$GC_TO")
QUEUEING_LEFT=$(sql "select status from alert where id = $ALERT")
wait_queued "$ALERT"
GC_FROM=$(gc_log_now)
read -r RELAY_PAGE_RATE RELAY_P50 RELAY_P99 < <(page_latency relaying 10)
GC_TO=$(gc_log_now)
read -r RELAY_GC_PAUSES RELAY_GC_LONGEST < <(gc_pauses "$GC_FROM" "$GC_TO")
touch "$WORK/probing"
paced_latency "$BASE/area/wigston" "$WORK/paced-relaying.txt" "$WORK/probing" &
PROBE=$!
sleep 10
rm -f "$WORK/probing"
wait "$PROBE"
read -r PR_N PR_P50 PR_P99 PR_MAX PR_ERR < <(latency_summary "$WORK/paced-relaying.txt")
BUSY_QUEUE_MS=$(queue_ms "$ALERT")
RECIPIENTS=$(sql "select recipients from alert where id = $ALERT")

log "Relaying for $RELAY_SECONDS s"
sleep "$RELAY_SECONDS"
kill "${BACKGROUND[@]}" 2>/dev/null || true
BACKGROUND=()
read -r SENT SPAN_MS RATE < <(sql "select count(*), round(extract(epoch from max(sent_at) - min(sent_at)) * 1000),
    round((count(*) - 1) / nullif(extract(epoch from max(sent_at) - min(sent_at)), 0))
  from outbox_email where reference in ('alert-$FIRST', 'alert-$ALERT') and status = 'SENT'" | tr '|' ' ')
read -r ACKS ACK_P50_MS ACK_MAX_MS < <(sql "select count(*),
    round(percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)) * 1000),
    round(max(extract(epoch from sent_at - created_at)) * 1000)
  from outbox_email where kind = 'contact-acknowledgement' and to_domain = 'bench.example.org' and status = 'SENT'" | tr '|' ' ')
WAITING_ACKS=$(sql "select count(*) from outbox_email where kind = 'contact-acknowledgement' and status = 'PENDING' and created_at < now() - interval '10 seconds'")

echo
echo "Sending an alert: $(nproc) cores, $(date -u +%Y-%m-%d), $RECIPIENTS recipients; load average at the end:$(cut -d" " -f1-3 /proc/loadavg | sed "s/^/ /")"
echo "queued every recipient in          ${QUIET_QUEUE_MS} ms alone, ${BUSY_QUEUE_MS} ms with wrk asking for the page in its first 5 s"
echo "relayed to the SMTP sink           ${RATE} emails/s (${SENT} in ${SPAN_MS} ms)"
echo "Your Area page, no send            ${QUIET_RATE} req/s, p50 ${QUIET_P50} ms, p99 ${QUIET_P99} ms (wrk, 4 connections)"
echo "Your Area page, while queueing     ${BUSY_RATE} req/s, p50 ${BUSY_P50} ms, p99 ${BUSY_P99} ms; collector: ${GC_PAUSES} pauses, the longest ${GC_LONGEST} ms$([ "$QUEUEING_LEFT" = SENT ] && echo " (queueing ended before wrk did)")"
echo "Your Area page, while relaying     ${RELAY_PAGE_RATE} req/s, p50 ${RELAY_P50} ms, p99 ${RELAY_P99} ms; collector: ${RELAY_GC_PAUSES} pauses, the longest ${RELAY_GC_LONGEST} ms"
echo "a resident's requests (20 a second, one at a time): while the first alert was queued: ${PQ_N} requests, p50 ${PQ_P50} ms, p99 ${PQ_P99} ms, slowest ${PQ_MAX} ms, ${PQ_ERR} errors"
echo "                                   while relaying: ${PR_N} requests, p50 ${PR_P50} ms, p99 ${PR_P99} ms, slowest ${PR_MAX} ms, ${PR_ERR} errors"
echo "settings tried                     ${APP_ARGS[*]:-none}"
echo "residents' emails during the send  ${ACKS} sent, median ${ACK_P50_MS} ms, slowest ${ACK_MAX_MS} ms from queued to sent; ${WAITING_ACKS} waiting over 10 s"
