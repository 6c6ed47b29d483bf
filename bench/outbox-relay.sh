#!/usr/bin/env bash
# Measures the email outbox relay sending a neighbourhood alert (issue 15): how many emails a second it
# hands to a local SMTP sink, with one SMTP connection per batch and, for comparison, one per email.
# See docs/benchmarks.md ("Alert emails through the outbox") and docs/reliability.md.
#
#   bench/outbox-relay.sh [--emails 20000] [--modes "off on"] [--batch-size 20] [--no-build]
#
# Everything runs on 127.0.0.1: a database of its own on the local PostgreSQL (127.0.0.1:5432, user
# postgres), created here and dropped at the end; a catch-all SMTP sink that only counts
# (bench/outbox/sink.py); and the application, built from this tree (-Xmx256m, no demo data, the relay
# every second). For each mode of yourarea.mail.reuse-connection it starts the application, warms the
# relay up with 2,000 emails, then queues --emails BULK alert emails (a 1.5 KB body and the two
# List-Unsubscribe headers, as the alert feature sends them) in one insert, and waits until all are
# SENT. The rate is taken from the database: emails sent divided by the time from the first sent_at
# to the last.
set -euo pipefail
cd "$(dirname "$0")/.."

EMAILS=20000
MODES="off on"
BATCH_SIZE=20
BUILD=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --emails) EMAILS="$2"; shift 2 ;;
    --modes) MODES="$2"; shift 2 ;;
    --batch-size) BATCH_SIZE="$2"; shift 2 ;;
    --no-build) BUILD=""; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
WARM_UP=2000

. bench/lib.sh
log() { echo "== $(date -u +%H:%M:%S) $*"; }

DB="yourarea_outbox_bench_$$"
WORK=$(mktemp -d)
APP_PORT=$(free_port 18180)
MANAGEMENT_PORT=$(free_port $((APP_PORT + 10)))
SMTP_PORT=$(free_port 12625)
APP_PID=""
SINK_PID=""

psql_q() { PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -U postgres -X -q -At -v ON_ERROR_STOP=1 "$@"; }
sql() { psql_q -d "$DB" -c "$1"; }

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    local deadline=$((SECONDS + 45))
    while kill -0 "$APP_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}
cleanup() {
  set +e
  stop_app
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null; fi
  psql_q -d postgres -c "drop database if exists $DB with (force)" 2>/dev/null
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

start_app() {
  SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT java -Xmx256m -jar "$JAR" \
    --server.port="$APP_PORT" --management.server.port="$MANAGEMENT_PORT" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    --yourarea.mail.relay-interval=1s --yourarea.mail.batch-size="$BATCH_SIZE" \
    --yourarea.mail.reuse-connection="$1" \
    > "$WORK/app-$1.log" 2>&1 &
  APP_PID=$!
  wait_until_ready "$APP_PID" "$MANAGEMENT_PORT" "$WORK/app-$1.log" 180
}

# queue REFERENCE COUNT: COUNT BULK alert emails, as the alert feature queues them, in one transaction.
queue() {
  sql "insert into outbox_email (kind, to_address, subject, body, status, attempts, created_at, next_attempt_at,
         priority, reference, list_unsubscribe, list_unsubscribe_post)
       select 'alert-email', 'subscriber' || g || '@bench.example.org', 'Wigston: an alert from your neighbourhood team',
         left(repeat('Officers are looking into burglaries of sheds and garages on Long Street and nearby. Please lock ', 20), 1500)
           || E'\n\nStop these alerts: https://example.org/alerts/unsubscribe/' || md5(g::text),
         'PENDING', 0, now(), now(), 'BULK', '$1',
         '<https://example.org/alerts/unsubscribe/' || md5(g::text) || '>', 'List-Unsubscribe=One-Click'
       from generate_series(1, $2) g"
}

# wait_sent REFERENCE COUNT: until COUNT emails of REFERENCE are SENT (at most 30 minutes).
wait_sent() {
  local deadline=$((SECONDS + 1800)) sent=0
  while [ $SECONDS -lt $deadline ]; do
    sent=$(sql "select count(*) from outbox_email where reference = '$1' and status = 'SENT'")
    [ "$sent" -ge "$2" ] && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped" >&2; tail -40 "$WORK/app-$MODE.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Only $sent of $2 sent after 30 minutes" >&2
  exit 1
}

RESULTS=()
for MODE in $MODES; do
  log "reuse-connection=$MODE: starting the application"
  start_app "$MODE"
  log "Warming up with $WARM_UP emails"
  queue "warm-up-$MODE" "$WARM_UP"
  wait_sent "warm-up-$MODE" "$WARM_UP"
  before=$(cut -d' ' -f2 "$WORK/sink.txt" 2>/dev/null || echo 0)
  log "Queueing $EMAILS BULK emails"
  started_ms=$(date +%s%3N)
  queue "bench-$MODE" "$EMAILS"
  wait_sent "bench-$MODE" "$EMAILS"
  wall_ms=$(( $(date +%s%3N) - started_ms ))
  sleep 1.2 # the sink writes its counts once a second
  connections=$(( $(cut -d' ' -f2 "$WORK/sink.txt") - before ))
  read -r span_ms rate failed < <(sql "select round(extract(epoch from max(sent_at) - min(sent_at)) * 1000),
      round((count(*) filter (where status = 'SENT') - 1) / nullif(extract(epoch from max(sent_at) - min(sent_at)), 0)),
      count(*) filter (where status <> 'SENT')
    from outbox_email where reference = 'bench-$MODE'" | tr '|' ' ')
  RESULTS+=("$(printf '%-16s %8s %10s %12s %12s %8s' "$MODE" "$EMAILS" "$rate" "$span_ms" "$wall_ms" "$connections")")
  log "reuse-connection=$MODE: $rate emails/s ($EMAILS in $span_ms ms first to last sent; $wall_ms ms from queueing; $connections SMTP connections; $failed not sent)"
  stop_app
done

echo
echo "Outbox relay to a local SMTP sink: $(nproc) cores, batch size $BATCH_SIZE, $(date -u +%Y-%m-%d)"
printf '%-16s %8s %10s %12s %12s %8s\n' "reuse-connection" "emails" "emails/s" "first-last ms" "queued-all ms" "conns"
printf '%s\n' "${RESULTS[@]}"
