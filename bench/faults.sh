#!/usr/bin/env bash
# Fault tests (issue 12): the contact form, the database, the email relay and the web server under
# faults, against the application built from this tree, on 127.0.0.1 only. See docs/reliability.md.
#
#   bench/faults.sh [CASE ...]     CASE: duplicates postgres-restart app-kill slow-clients bad-input
#                                        smtp-outage (default: all of them, in that order)
#
# It starts everything it needs and stops it again, however it ends:
# - a PostgreSQL cluster of its own (initdb in a temporary folder, as the postgres user, on a free
#   port from 55432, trust authentication on 127.0.0.1 only), deleted at the end. It never touches
#   any other PostgreSQL server: the only cluster it stops, restarts or kills is its own;
# - a catch-all SMTP server (bench/faults/smtp.py) that records every email it accepts;
# - the application (built with ./mvnw, the demo profile, -Xmx256m, a fresh database, the email
#   relay every second, X-Forwarded-For trusted as behind a reverse proxy, like bench/run.sh).
#
# The load comes from bench/faults/ContactLoad.java (real form submissions: session, CSRF token,
# idempotency key, the minimum fill time, a client address and an email address of their own).
#
# Environment:
#   FAULTS_SMTP_OUTAGE   seconds the SMTP server is down in smtp-outage (default 600; 60 for a quick run)
#   FAULTS_PG_DOWN       seconds the database is down in postgres-restart (default 10)
#   FAULTS_PG_STOP_MODE  pg_ctl's stop mode for it: immediate (default, like a crash) or fast
#   FAULTS_SLOW_SECONDS  how long each slow-client variant runs (default 30)
#   FAULTS_DUPLICATES    submissions in duplicates (default 2000)
#   FAULTS_LOAD_RATE     forms started per second during postgres-restart and app-kill (default 12; each
#                        is a GET and, 3.3 s later, a POST)
#   FAULTS_PAUSE         seconds to wait before cleaning up, to look at the database and the site
#   PGBIN                PostgreSQL's server programs (default: found on the PATH or in Debian's folders)
#
# It prints a table (case | what must hold | measured | PASS/FAIL), writes it and the logs to
# bench/results/faults-<time>/, and exits 1 if any case failed.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_CASES="duplicates postgres-restart app-kill slow-clients bad-input smtp-outage"
CASES="${*:-$ALL_CASES}"
for c in $CASES; do
  case " $ALL_CASES " in *" $c "*) ;; *) echo "unknown case $c (cases: $ALL_CASES)" >&2; exit 2 ;; esac
done

SMTP_OUTAGE=${FAULTS_SMTP_OUTAGE:-600}
PG_DOWN=${FAULTS_PG_DOWN:-10}
PG_STOP_MODE=${FAULTS_PG_STOP_MODE:-immediate}
SLOW_SECONDS=${FAULTS_SLOW_SECONDS:-30}
DUPLICATES=${FAULTS_DUPLICATES:-2000}
LOAD_RATE=${FAULTS_LOAD_RATE:-12}
# PostgreSQL's server programs (initdb, pg_ctl): PGBIN, else where initdb is on the PATH, else the
# newest of Debian's versioned folders.
if [ -z "${PGBIN:-}" ]; then
  if command -v initdb >/dev/null; then PGBIN=$(dirname "$(readlink -f "$(command -v initdb)")")
  else PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1); fi
fi
[ -x "${PGBIN:-}/initdb" ] || { echo "No initdb found: set PGBIN to PostgreSQL's server programs" >&2; exit 2; }
SLUG=south-wigston
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=bench/results/faults-$STAMP

# A port nobody listens on, from $1 upwards.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
now_ms() { date +%s%3N; }
# A sleep that a signal interrupts (bash runs traps only between commands, and wait is one).
NAP_PID=""
nap() { sleep "$1" & NAP_PID=$!; wait "$NAP_PID" || true; NAP_PID=""; }
log() { echo "== $(date -u +%H:%M:%S) $*"; }

WORK=$(mktemp -d)
chmod 755 "$WORK" # the postgres user must reach its cluster inside
PG_DIR="$WORK/pg"
PGDATA="$PG_DIR/data"
PGPORT=$(free_port 55432)
APP_PORT=$(free_port 18090)
MANAGEMENT_PORT=$(free_port $((APP_PORT + 10))) # the actuator's probes, as in production
SMTP_PORT=$(free_port 12525)
BASE="http://127.0.0.1:$APP_PORT"
SMTP_LOG="$WORK/smtp.jsonl"
SMTP_KEEP="$WORK/smtp-messages"
SMTP_HOLD="$WORK/smtp-hold"
TABLE="$WORK/table"
: > "$TABLE"
: > "$SMTP_LOG"

APP_PID=""
SMTP_PID=""
PG_STARTED=""
BACKGROUND=() # load generators and slow clients still running

pg_ctl() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" "$@"; }

cleanup() {
  set +e
  [ -z "$NAP_PID" ] || kill "$NAP_PID" 2>/dev/null
  for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null; done
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null
    # Spring Boot's graceful shutdown waits at most 30 s for requests in progress.
    local deadline=$((SECONDS + 45))
    while kill -0 "$APP_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null
    wait "$APP_PID" 2>/dev/null
  fi
  if [ -n "$SMTP_PID" ]; then kill "$SMTP_PID" 2>/dev/null; wait "$SMTP_PID" 2>/dev/null; fi
  if [ -n "$PG_STARTED" ]; then
    pg_ctl -m immediate -w -t 30 stop >/dev/null 2>&1
    # If pg_ctl could not stop it, end the postmaster we started (its pid is in its own file).
    if [ -f "$PGDATA/postmaster.pid" ]; then kill -9 "$(head -1 "$PGDATA/postmaster.pid")" 2>/dev/null; fi
  fi
  mkdir -p "$RESULTS"
  cp "$WORK"/*.log "$WORK"/*.tsv "$WORK"/*.txt "$SMTP_LOG" "$RESULTS/" 2>/dev/null
  cp "$PG_DIR/server.log" "$RESULTS/postgres.log" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql_q() { PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d yourarea -X -q -At -v ON_ERROR_STOP=1 "$@"; }
sql() { psql_q -c "$1"; }
status() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE$1" 2>/dev/null || true; }

# row CASE MUST MEASURED OK(0 = pass)
row() {
  local verdict=PASS
  [ "$4" = 0 ] || verdict=FAIL
  echo "$1|$2|$3|$verdict" >> "$TABLE"
  echo "   $1: $verdict: $3"
}

# ---------------------------------------------------------------------------------------------
# What the cases need

start_postgres() {
  log "Starting a PostgreSQL cluster of our own on 127.0.0.1:$PGPORT"
  mkdir -p "$PG_DIR"
  chown postgres: "$PG_DIR"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    > "$WORK/initdb.log" 2>&1
  cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PG_DIR'
max_connections = 50
CONF
  echo "host all all 127.0.0.1/32 trust" > "$PGDATA/pg_hba.conf"
  PG_STARTED=yes
  pg_ctl -l "$PG_DIR/server.log" -w -t 60 start > /dev/null
  PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -p "$PGPORT" -U postgres -X -q -c "create database yourarea"
  sql "create schema faults"
}

start_smtp() {
  python3 bench/faults/smtp.py --port "$SMTP_PORT" --log "$SMTP_LOG" --keep "$SMTP_KEEP" --hold-file "$SMTP_HOLD" \
    >> "$WORK/smtp.log" 2>&1 &
  SMTP_PID=$!
  local deadline=$((SECONDS + 20))
  until (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "The SMTP server did not start" >&2; exit 1; }
    sleep 0.1
  done
}

stop_smtp() {
  kill "$SMTP_PID"
  wait "$SMTP_PID" 2>/dev/null || true
  SMTP_PID=""
}

build() {
  log "Building the application"
  ./mvnw -q -B -ntp package -DskipTests > "$WORK/build.log" 2>&1 || { tail -50 "$WORK/build.log"; exit 1; }
  JAR=$(ls target/your-area-*.jar | grep -v plain | head -1)
  # The load generator, compiled once instead of by every run of the single-file launcher.
  mkdir -p "$WORK/classes"
  javac -d "$WORK/classes" bench/faults/ContactLoad.java
}

# (An array, not a function: a function run in the background is a subshell, whose pid is not java's.)
CONTACT_LOAD=(java -cp "$WORK/classes" ContactLoad)

# Runs a command in the background and waits for it: bash runs a trap only once the foreground
# command has ended, so a long one in the foreground would keep an interrupted script going.
run() {
  "$@" &
  local pid=$! rc=0
  BACKGROUND+=("$pid")
  wait "$pid" || rc=$?
  forget "$pid"
  return "$rc"
}
forget() {
  local kept=() p
  for p in "${BACKGROUND[@]}"; do [ "$p" = "$1" ] || kept+=("$p"); done
  BACKGROUND=("${kept[@]}")
}

# Starts the application and waits (at most 3 minutes) until it is ready: the demo staff accounts are
# created after the web server has started, and a database outage then would stop the application.
start_app() {
  SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT java -Xmx256m -jar "$JAR" --spring.profiles.active=demo \
    --server.port="$APP_PORT" --management.server.port="$MANAGEMENT_PORT" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/yourarea" \
    --server.forward-headers-strategy=native --yourarea.mail.relay-interval=1s \
    >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  local deadline=$((SECONDS + 180))
  until [ "$(curl -s -o /dev/null -m 10 -w '%{http_code}' "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null || true)" = 200 ] \
    && [ "$(status /area/wigston)" = 200 ]; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "The application did not start; the end of its log:" >&2
      tail -40 "$WORK/app.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

# Each case starts with the site answering; a case that left it broken is not the next one's fault.
ensure_app() {
  local deadline=$((SECONDS + 30))
  until [ "$(status /area/wigston)" = 200 ]; do
    if [ $SECONDS -ge $deadline ]; then
      log "The site is not answering: restarting the application"
      kill -9 "$APP_PID" 2>/dev/null || true
      wait "$APP_PID" 2>/dev/null || true
      start_app
      return
    fi
    sleep 1
  done
}

# Waits for background process $1 at most $2 seconds, then stops it.
wait_bounded() {
  local pid=$1 deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "   (stopping process $pid: over its time limit)"
    kill "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  forget "$pid"
}

# load_table NAME FILE: the load generator's lines as table faults.NAME
load_table() {
  sql "drop table if exists faults.$1;
       create table faults.$1 (kind text, idx int, attempt int, key text, marker text, status int, latency int,
                              sent bigint, done bigint, reference text, kept text, error text)"
  psql_q -c "\\copy faults.$1 from '$2'"
}

# smtp_table: the SMTP server's log so far as table faults.smtp (one row per email accepted)
smtp_table() {
  sql "drop table if exists faults.smtp_raw; create table faults.smtp_raw (line text);
       drop table if exists faults.smtp;"
  psql_q -c "\\copy faults.smtp_raw from '$SMTP_LOG' with (format csv, quote e'\\x01', delimiter e'\\x02')"
  sql "create table faults.smtp as
       select (line::jsonb->>'at')::bigint as at, line::jsonb->'rcpt'->>0 as rcpt,
              line::jsonb->>'message_id' as message_id, line::jsonb->>'subject' as subject
       from faults.smtp_raw"
}

# Every submission of load NAME that got a 303, and whether its message is stored. Prints
# "answered-303 lost duplicated-messages references-differing".
stored_check() {
  local name=$1 prefix=$2
  sql "with answered as (select distinct key from faults.$name where kind = 'post' and status = 303),
         markers as (select substring(body from '^Fault test ([a-z-]+-[0-9]{6}):') as marker, idempotency_key, reference
                     from contact_message where body like 'Fault test $prefix-%')
       select (select count(*) from answered),
              (select count(*) from answered a where not exists
                 (select 1 from contact_message m where m.idempotency_key = a.key)),
              (select count(*) from (select marker from markers group by marker having count(*) > 1) d),
              (select count(distinct l.key) from faults.$name l join contact_message m on m.idempotency_key = l.key
               where l.kind = 'post' and l.status = 303 and l.reference <> m.reference)" | tr '|' ' '
}

# Answers of load NAME by kind and status, e.g. "form 200: 2000, post 303: 1980, post 503: 20 (20 kept the text)"
answers() {
  sql "select string_agg(kind || ' ' || status || ': ' || n || coalesce(' (' || note || ')', ''), ', ' order by kind, status)
       from (select kind, status, count(*) n,
                    nullif(concat_ws('; ',
                      case when kind = 'post' and status not in (303, 0) then count(*) filter (where kept = '1') || ' kept the text' end,
                      case when status not in (200, 303, 503) then min(error) end), '') note
             from faults.$1 group by kind, status) s"
}

# ---------------------------------------------------------------------------------------------
# The cases

case_duplicates() {
  log "duplicates: $DUPLICATES contact submissions, every tenth posted twice with the same idempotency key"
  run "${CONTACT_LOAD[@]}" load --base "$BASE" --slug "$SLUG" --count "$DUPLICATES" --repeat-every 10 --prefix dup \
    --address-offset 0 --concurrency 96 --threads 4 --out "$WORK/duplicates.tsv" >> "$WORK/loads.txt"
  tail -1 "$WORK/loads.txt"
  load_table duplicates "$WORK/duplicates.tsv"
  read -r answered lost dupes differing <<< "$(stored_check duplicates dup)"
  local submitted acks held
  submitted=$(sql "select count(distinct idx) from faults.duplicates")
  # A message held for review gets no acknowledgement; the generator waits past the fill time, so none should be.
  acks=$(sql "select count(*) from (select m.id from contact_message m left join outbox_email o on o.contact_message_id = m.id
              where m.body like 'Fault test dup-%' and m.held_reason is null group by m.id having count(o.id) <> 1) x")
  held=$(sql "select count(*) from contact_message where body like 'Fault test dup-%' and held_reason is not null")
  local repeats
  repeats=$(sql "select count(*) from (select idx from faults.duplicates where kind = 'post' group by idx
                 having count(*) filter (where attempt = 2) > 0 and bool_and(status = 303)) r")
  local ok=0
  [ "$lost" = 0 ] && [ "$dupes" = 0 ] && [ "$differing" = 0 ] && [ "$acks" = 0 ] || ok=1
  # A run where the form hardly got through proves nothing.
  [ "$answered" -ge $((submitted * 9 / 10)) ] || ok=1
  row "duplicates" "$DUPLICATES submissions, 10 % sent twice: every message that got a 303 is stored; no duplicates" \
    "$submitted forms, $answered idempotency keys answered 303 ($repeats sent twice and both answered 303); lost $lost; messages stored twice $dupes; 303s naming another reference $differing; messages without exactly one acknowledgement queued $acks ($held held for review, which get none); answers: $(answers duplicates)" \
    "$ok"
}

case_postgres_restart() {
  log "postgres-restart: contact-form load ($LOAD_RATE forms a second), the database down for ${PG_DOWN} s ($PG_STOP_MODE stop) in the middle"
  local duration=$((PG_DOWN + 40))
  "${CONTACT_LOAD[@]}" load --base "$BASE" --slug "$SLUG" --count 100000 --rate "$LOAD_RATE" --duration "$duration" --prefix pgr \
    --address-offset 20000 --concurrency 400 --threads 4 --timeout-ms 30000 --out "$WORK/postgres-restart.tsv" \
    >> "$WORK/loads.txt" &
  local load_pid=$!
  BACKGROUND+=("$load_pid")
  sleep 15
  local down up
  down=$(now_ms)
  pg_ctl -m "$PG_STOP_MODE" -w -t 60 stop > /dev/null
  nap "$PG_DOWN"
  pg_ctl -l "$PG_DIR/server.log" -w -t 60 start > /dev/null
  up=$(now_ms)
  echo "   database stopped at +0 ms, running again at +$((up - down)) ms"
  wait_bounded "$load_pid" $((duration + 120))
  tail -1 "$WORK/loads.txt"
  load_table pgr "$WORK/postgres-restart.tsv"
  read -r answered lost dupes differing <<< "$(stored_check pgr pgr)"
  # Answers during the outage: every request in flight at any moment between the stop and the start.
  local during
  during=$(sql "select count(*), coalesce(max(latency), 0),
                  count(*) filter (where latency > 5000 or status = 0),
                  count(*) filter (where status not in (200, 303, 503)),
                  count(*) filter (where kind = 'post' and status = 503 and kept <> '1'),
                  count(*) filter (where status = 503),
                  coalesce(string_agg(distinct case when status not in (200, 303, 503) then status || ' ' || error end, '; '), '')
                from faults.pgr where done >= $down and sent <= $up" | tr '|' '\t')
  local n max slow bad lost_text s503 what
  IFS=$'\t' read -r n max slow bad lost_text s503 what <<< "$during"
  # Recovery: requests sent after the database returned; the last one to fail, and whether any succeeded.
  local recovery
  recovery=$(sql "select coalesce(max(done) filter (where status not in (200, 303)) - $up, 0),
                    count(*) filter (where status in (200, 303)), count(*),
                    (select coalesce(min(done) - $up, -1) from faults.pgr where done >= $up and status in (200, 303))
                  from faults.pgr where sent >= $up" | tr '|' ' ')
  local last_failure after_ok after_n first_ok
  read -r last_failure after_ok after_n first_ok <<< "$recovery"
  local ok=0
  [ "$slow" = 0 ] && [ "$bad" = 0 ] && [ "$lost_text" = 0 ] && [ "$lost" = 0 ] && [ "$dupes" = 0 ] || ok=1
  [ "$after_ok" -gt 0 ] && [ "$last_failure" -le 10000 ] || ok=1
  local recovered
  recovered="the first success $(awk -v m="$first_ok" 'BEGIN {printf "%.1f", m/1000}') s after it returned, "
  if [ "$last_failure" -le 0 ]; then recovered+="no request sent after it returned failed"; else
    recovered+="the last failure of a request sent after it returned $(awk -v m="$last_failure" 'BEGIN {printf "%.1f", m/1000}') s after"; fi
  row "postgres-restart" "answers during the outage within 5 s (a 503 that keeps the text), never hang; recovers by itself within 10 s; every 303 stored" \
    "$LOAD_RATE forms a second; database down $(( (up - down) / 1000 )) s ($PG_STOP_MODE stop); $n requests during the outage: slowest $max ms, $slow over 5 s or unanswered, $s503 answered 503, $lost_text 503s without the resident's text, $bad other answers${what:+ ($what)}; $recovered ($after_ok of $after_n later requests succeeded); $answered answered 303, lost $lost, duplicated $dupes; answers: $(answers pgr)" \
    "$ok"
}

case_smtp_outage() {
  log "smtp-outage: the SMTP server down for $SMTP_OUTAGE s while 50 messages arrive"
  # Earlier cases' emails first (at most 3 minutes): behind a backlog, the relay, which tries one email
  # a run while the server is down, would not reach these 50 before the server returns.
  local deadline=$((SECONDS + 180))
  while [ "$(sql "select count(*) from outbox_email where status = 'PENDING'")" != 0 ] && [ $SECONDS -lt $deadline ]; do
    sleep 2
  done
  local backlog
  backlog=$(sql "select count(*) from outbox_email where status = 'PENDING'")
  stop_smtp
  local down up spread
  down=$(now_ms)
  spread=$(( SMTP_OUTAGE / 2 < 60 ? SMTP_OUTAGE / 2 : 60 ))
  [ "$spread" -ge 5 ] || spread=5
  run "${CONTACT_LOAD[@]}" load --base "$BASE" --slug "$SLUG" --count 50 --rate "$(awk -v s="$spread" 'BEGIN {printf "%.3f", 50/s}')" \
    --prefix smtp --address-offset 60000 --concurrency 60 --threads 2 --out "$WORK/smtp-outage.tsv" \
    >> "$WORK/loads.txt"
  tail -1 "$WORK/loads.txt"
  load_table smtp "$WORK/smtp-outage.tsv"
  read -r answered lost dupes differing <<< "$(stored_check smtp smtp)"
  local queued="o.contact_message_id in (select id from contact_message where body like 'Fault test smtp-%')"
  # The outbox while the server is down, once the relay has had time to try them (it runs every second).
  sleep 10
  local waiting_early waiting_late
  waiting_early=$(sql "select count(*) filter (where status = 'PENDING' and attempts >= 1 and last_error is not null) || ' of ' || count(*)
                         || ' PENDING after a failed attempt, ' || count(*) filter (where status = 'SENT') || ' SENT, '
                         || count(*) filter (where status = 'FAILED') || ' FAILED'
                       from outbox_email o where $queued")
  local rest=$(( SMTP_OUTAGE - ( $(now_ms) - down ) / 1000 ))
  [ "$rest" -le 0 ] || { echo "   outbox: $waiting_early; the SMTP server stays down another $rest s"; nap "$rest"; }
  waiting_late=$(sql "select count(*) filter (where status = 'PENDING') || ' of ' || count(*) || ' PENDING (attempts '
                        || coalesce(min(attempts), 0) || '-' || coalesce(max(attempts), 0) || ')'
                      from outbox_email o where $queued")
  local pending_late total
  pending_late=$(sql "select count(*) from outbox_email o where $queued and status = 'PENDING'")
  total=$(sql "select count(*) from outbox_email o where $queued")
  start_smtp
  up=$(now_ms)
  echo "   SMTP server back after $(( (up - down) / 1000 )) s; outbox then: $waiting_late"
  # The relay backs off (1, 2, 4, 8 ... minutes), so the next attempt may come up to about the length of
  # the outage after it ends.
  local deadline=$((SECONDS + SMTP_OUTAGE + 180))
  while [ "$(sql "select count(*) from outbox_email o where $queued and status = 'PENDING'")" != 0 ] && [ $SECONDS -lt $deadline ]; do
    sleep 5
  done
  local drained_ms=$(( $(now_ms) - up ))
  smtp_table
  local delivery
  delivery=$(sql "with acks as (select o.to_address, o.subject, o.status from outbox_email o where $queued)
                  select count(*) filter (where a.status = 'SENT'),
                         count(*) filter (where (select count(*) from faults.smtp s where s.rcpt = a.to_address and s.subject = a.subject) = 1),
                         count(*) filter (where (select count(*) from faults.smtp s where s.rcpt = a.to_address and s.subject = a.subject) > 1),
                         count(*) filter (where exists (select 1 from faults.smtp s where s.rcpt = a.to_address and s.subject = a.subject and s.at < $up)),
                         (select count(*) from (select message_id from faults.smtp s join acks a2 on s.rcpt = a2.to_address
                                                 where message_id is not null group by message_id having count(*) > 1) d),
                         coalesce((select max(s.at) - $up from faults.smtp s join acks a3 on s.rcpt = a3.to_address), -1)
                  from acks a" | tr '|' ' ')
  local sent once twice early dup_ids last_at
  read -r sent once twice early dup_ids last_at <<< "$delivery"
  local ok=0
  [ "$answered" = 50 ] && [ "$lost" = 0 ] && [ "$total" = 50 ] || ok=1
  [ "$pending_late" = "$total" ] || ok=1
  [ "$once" = 50 ] && [ "$twice" = 0 ] && [ "$early" = 0 ] && [ "$dup_ids" = 0 ] || ok=1
  row "smtp-outage" "SMTP down ${SMTP_OUTAGE} s while 50 messages arrive: the outbox shows them waiting; every acknowledgement delivered after it returns, none twice" \
    "$answered of 50 answered 303, lost $lost, $total acknowledgements queued (behind $backlog other emails); outbox during the outage: $waiting_early; at its end: $waiting_late; after the SMTP server returned: $sent SENT, $once delivered once, $twice more than once, $early before it returned, $dup_ids Message-IDs seen twice; the last delivered $(awk -v m="$last_at" 'BEGIN {printf "%.0f", m/1000}') s after it returned (outbox empty after $((drained_ms / 1000)) s)" \
    "$ok"
}

# kill -9 the application and start it again; BACK: the seconds until it answered again.
kill_and_restart() {
  local killed=$1
  kill -9 "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  start_app
  BACK=$(( ($(now_ms) - killed) / 1000 ))
}

# Waits (at most $2 seconds) until no acknowledgement of the messages marked $1 is PENDING, then
# compares the outbox with what the SMTP server received. Prints "queued sent pending once never
# twice message-ids-twice".
deliveries() {
  local queued="o.contact_message_id in (select id from contact_message where body like 'Fault test $1-%')"
  local deadline=$((SECONDS + $2))
  while [ "$(sql "select count(*) from outbox_email o where $queued and status = 'PENDING'")" != 0 ] && [ $SECONDS -lt $deadline ]; do
    sleep 5
  done
  smtp_table
  sql "with acks as (select o.to_address, o.subject, o.status,
                            (select count(*) from faults.smtp s where s.rcpt = o.to_address and s.subject = o.subject) n
                     from outbox_email o where $queued)
       select count(*), count(*) filter (where status = 'SENT'), count(*) filter (where status = 'PENDING'),
              count(*) filter (where n = 1), count(*) filter (where n = 0), count(*) filter (where n > 1),
              (select count(*) from (select message_id from faults.smtp s join acks a2 on s.rcpt = a2.to_address
                                     where message_id is not null group by message_id having count(*) > 1) d)
       from acks" | tr '|' ' '
}

case_app_kill() {
  log "app-kill: contact-form load ($LOAD_RATE forms a second), the application killed with kill -9 in the middle and started again"
  local duration=45
  "${CONTACT_LOAD[@]}" load --base "$BASE" --slug "$SLUG" --count 100000 --rate "$LOAD_RATE" --duration "$duration" --prefix kill \
    --address-offset 40000 --concurrency 400 --threads 4 --timeout-ms 30000 --out "$WORK/app-kill.tsv" \
    >> "$WORK/loads.txt" &
  local load_pid=$!
  BACKGROUND+=("$load_pid")
  sleep 15
  local killed back
  killed=$(now_ms)
  kill_and_restart "$killed"
  back=$BACK
  echo "   killed, and answering again after $back s"
  wait_bounded "$load_pid" $((duration + 120))
  tail -1 "$WORK/loads.txt"

  # The same again, at the worst moment for email: the SMTP server has taken an acknowledgement but
  # has not yet answered 250 when the application dies (bench/faults/smtp.py --hold-file).
  log "app-kill: killed again while the SMTP server holds an email it has taken"
  rm -f "$SMTP_HOLD.caught"
  echo handover- > "$SMTP_HOLD"
  # The kill must come within the relay's SMTP read timeout (5 s), or the relay gives up on the reply
  # and tries again by itself.
  "${CONTACT_LOAD[@]}" load --base "$BASE" --slug "$SLUG" --count 5 --prefix handover --address-offset 45000 \
    --concurrency 5 --threads 2 --out "$WORK/app-kill-handover.tsv" >> "$WORK/loads.txt" &
  local handover_pid=$!
  BACKGROUND+=("$handover_pid")
  local deadline=$((SECONDS + 60)) caught="" handover_back="-"
  while [ ! -s "$SMTP_HOLD.caught" ] && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  if [ -s "$SMTP_HOLD.caught" ]; then
    caught=$(head -1 "$SMTP_HOLD.caught")
    kill_and_restart "$(now_ms)"
    handover_back=$BACK
    echo "   killed while $caught's acknowledgement was being handed over; answering again after $handover_back s"
  fi
  rm -f "$SMTP_HOLD"
  wait_bounded "$handover_pid" 60

  load_table kill "$WORK/app-kill.tsv"
  read -r answered lost dupes differing <<< "$(stored_check kill kill)"
  local in_flight
  in_flight=$(sql "select count(*) from faults.kill where kind = 'post' and status = 0 and sent < $killed and done >= $killed")
  # An email the killed relay had taken is leased for 2 minutes, then sent by the new one.
  local total sent pending once never twice dup_ids
  read -r total sent pending once never twice dup_ids <<< "$(deliveries kill 240)"
  local ok=0
  [ "$lost" = 0 ] && [ "$dupes" = 0 ] && [ "$answered" -gt 0 ] || ok=1
  [ "$once" = "$total" ] && [ "$twice" = 0 ] && [ "$dup_ids" = 0 ] || ok=1
  row "app-kill" "kill -9 during a contact-form load: every message that got a 303 is stored; after a restart every queued email goes exactly once" \
    "answering again $back s after the kill; $answered answered 303, lost $lost, duplicated $dupes; posts in flight at the kill: $in_flight; $total acknowledgements queued: $sent SENT, $pending PENDING at the end, $once delivered once, $never never, $twice more than once, $dup_ids Message-IDs seen twice; answers: $(answers kill)" \
    "$ok"

  load_table handover "$WORK/app-kill-handover.tsv"
  read -r answered lost dupes differing <<< "$(stored_check handover handover)"
  read -r total sent pending once never twice dup_ids <<< "$(deliveries handover 240)"
  local times=""
  if [ -n "$caught" ]; then
    times=$(sql "select count(*) || ' times' || coalesce(' (' || string_agg(to_char(to_timestamp(at / 1000.0) at time zone 'UTC', 'HH24:MI:SS'), ', ' order by at) || ' UTC, '
                   || count(distinct message_id) || ' Message-ID' || case when count(distinct message_id) > 1 then 's' else '' end || ')', '')
                 from faults.smtp where rcpt = '$caught'")
  fi
  # The guarantee (docs/reliability.md, "Email"): an email whose hand-over the crash cut may go twice,
  # with one Message-ID, so that the receiving side can drop the copy; every other goes exactly once.
  local caught_ids=0
  [ -n "$caught" ] && caught_ids=$(sql "select count(distinct message_id) from faults.smtp where rcpt = '$caught'")
  ok=0
  [ -n "$caught" ] && [ "$lost" = 0 ] && [ "$never" = 0 ] && [ $((once + twice)) = "$total" ] || ok=1
  [ "$twice" -le 1 ] && [ "$dup_ids" = "$twice" ] && [ "$caught_ids" = 1 ] || ok=1
  row "app-kill: at the SMTP hand-over" "kill -9 after the SMTP server has taken an email, before it answers: every queued email delivered; the one cut off at most twice, with one Message-ID; every other exactly once" \
    "$([ -n "$caught" ] && echo "killed while handing over the acknowledgement to $caught, answering again $handover_back s later; it was delivered $times" || echo "no email reached the SMTP server within 60 s"); $answered answered 303, lost $lost; $total acknowledgements queued: $sent SENT, $pending PENDING at the end, $once delivered once, $never never, $twice more than once, $dup_ids Message-IDs seen twice" \
    "$ok"
}

# slow_variant NAME CLIENTS MODE
slow_variant() {
  local name=$1 clients=$2 mode=$3
  python3 bench/faults/slow.py "$mode" --port "$APP_PORT" --clients "$clients" --seconds $((SLOW_SECONDS + 5)) \
    > "$WORK/slow-$mode.txt" 2>&1 &
  local slow_pid=$!
  BACKGROUND+=("$slow_pid")
  sleep 3
  run "${CONTACT_LOAD[@]}" probe --url "$BASE/area/wigston" --seconds "$SLOW_SECONDS" --threads 4 --interval-ms 100 \
    --timeout-ms 10000 --out "$WORK/probe-$mode.tsv" > /dev/null
  wait_bounded "$slow_pid" 30
  local stats
  stats=$(sort -t$'\t' -k3,3n "$WORK/probe-$mode.tsv" | awk -F'\t' '{l[NR]=$3; if ($2 == 0) none++; else if ($2 != 200) bad++}
        END {n=NR; p99=l[int(n*0.99 + 0.999)]; printf "%d %d %d %d %d", n, p99, l[n], none+0, bad+0}')
  local n p99 max none bad
  read -r n p99 max none bad <<< "$stats"
  local ok=0
  [ "$n" -gt 0 ] && [ "$max" -le 1000 ] && [ "$none" = 0 ] && [ "$bad" = 0 ] || ok=1
  row "$name" "other visitors still answered within 1 s (GET /area/wigston on new connections)" \
    "$n requests: p99 $p99 ms, max $max ms, $none unanswered after 10 s, $bad answered other than 200 (before: $BASELINE); $(tail -1 "$WORK/slow-$mode.txt")" "$ok"
}

case_slow_clients() {
  log "slow-clients: the Your Area page asked for while slow clients hold connections"
  run "${CONTACT_LOAD[@]}" probe --url "$BASE/area/wigston" --seconds 5 --threads 4 --interval-ms 100 \
    --timeout-ms 10000 --out "$WORK/probe-baseline.tsv" > "$WORK/probe-baseline.txt"
  BASELINE=$(sed 's/^probes //' "$WORK/probe-baseline.txt")
  slow_variant "slow-clients: headers" 200 headers
  ensure_app
  slow_variant "slow-clients: POST bodies" 32 body
}

case_bad_input() {
  log "bad-input: oversized, malformed and unusual requests"
  run python3 bench/faults/badinput.py --port "$APP_PORT" --address-offset 70000 \
    --psql "psql -h 127.0.0.1 -p $PGPORT -U postgres -d yourarea -X -q -At" \
    --smtp-log "$SMTP_LOG" --smtp-keep "$SMTP_KEEP" > "$WORK/bad-input.txt"
  while IFS='|' read -r name must measured verdict; do
    row "$name" "$must" "$measured" "$([ "$verdict" = PASS ] && echo 0 || echo 1)"
  done < "$WORK/bad-input.txt"
}

# ---------------------------------------------------------------------------------------------

STARTED_AT=$(date -u +%Y-%m-%dT%H:%MZ)
build
start_postgres
start_smtp
log "Starting the application on 127.0.0.1:$APP_PORT (demo data, -Xmx256m, SMTP on $SMTP_PORT)"
start_app
for c in $CASES; do
  ensure_app
  "case_${c//-/_}"
done

{
  echo "Fault tests (bench/faults.sh $CASES), started $STARTED_AT on $(nproc) cores; SMTP outage ${SMTP_OUTAGE} s, database down ${PG_DOWN} s ($PG_STOP_MODE stop)."
  echo
  echo "| case | what must hold | measured | result |"
  echo "|---|---|---|---|"
  while IFS='|' read -r name must measured verdict; do
    echo "| $name | $must | $measured | **$verdict** |"
  done < "$TABLE"
} | tee "$WORK/summary.txt"
if [ -n "${FAULTS_PAUSE:-}" ]; then
  echo "Pausing ${FAULTS_PAUSE} s before cleaning up (FAULTS_PAUSE): psql -h 127.0.0.1 -p $PGPORT -U postgres yourarea; the site at $BASE"
  nap "$FAULTS_PAUSE"
fi
if grep -q '|FAIL$' "$TABLE"; then exit 1; fi
