#!/usr/bin/env bash
# Several instances, one site (see docs/reliability.md, "Several instances"): two instances of the
# jar on one fresh database, each with its own email relay, behind nginx as docs/operations.md
# configures it, and a catch-all SMTP server (bench/instances/MailCatcher.java) that records every
# email. It checks that a person cannot tell which instance answered them, then restarts both, one
# at a time, under load, and prints a table of the checks with what it measured.
#
#   bench/instances.sh [--contacts 100] [--connections 8] [--pause-ms 20] [--posters 2]
#                      [--post-pause-ms 50] [--no-build]
#
# --contacts: how many contact messages check 3 sends. The load during the rolling restart:
# --connections and --pause-ms for the GETs (each of wrk's connections waits that long after each
# answer, so the load has a ceiling on a small, shared machine), --posters and --post-pause-ms for
# the contact form's senders, likewise. --no-build: use the jar in target/ as it is.
# Exits 1 if any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

CONTACTS=100
LOAD_CONNECTIONS=8
LOAD_PAUSE_MS=20
POSTERS=2
POST_PAUSE_MS=50
NO_BUILD=""
while [ $# -gt 0 ]; do
  case "$1" in
    --contacts) CONTACTS="$2"; shift 2 ;;
    --connections) LOAD_CONNECTIONS="$2"; shift 2 ;;
    --pause-ms) LOAD_PAUSE_MS="$2"; shift 2 ;;
    --posters) POSTERS="$2"; shift 2 ;;
    --post-pause-ms) POST_PAUSE_MS="$2"; shift 2 ;;
    --no-build) NO_BUILD=yes; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

RESULTS=bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
KEEP="$RESULTS/instances-$STAMP"   # the logs, kept after the run (git ignores bench/results)
RUN="r$$"                         # in every email address and marker this run creates
DB="yourarea_instances_$$"
PASSWORD=Demo-only-password-2026  # the demo profile's staff password, published in README.md
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

# Ports: the first free ones from 18300 up, so that this can run beside bench/run.sh and the rest.
# (Not in a subshell: each call moves NEXT_PORT on.)
NEXT_PORT=18300
take_port() {
  while (echo >"/dev/tcp/127.0.0.1/$NEXT_PORT") 2>/dev/null; do NEXT_PORT=$((NEXT_PORT + 1)); done
  printf -v "$1" '%s' "$NEXT_PORT"
  NEXT_PORT=$((NEXT_PORT + 1))
}
declare -A PORT MPORT PID
take_port 'PORT[A]'; take_port 'PORT[B]'; take_port 'MPORT[A]'; take_port 'MPORT[B]'
take_port NGINX_PORT; take_port SMTP_PORT
PID[A]=""; PID[B]=""
NG="http://127.0.0.1:$NGINX_PORT"

MAIL_PID=""; WRK_PID=""; POSTS_PID=""; NGINX_STARTED=""
cleanup() {
  set +e
  touch "$WORK/stop" 2>/dev/null
  for pid in "$POSTS_PID" "$WRK_PID" "${PID[A]}" "${PID[B]}" "$MAIL_PID"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  [ -n "$NGINX_STARTED" ] && "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" 2>/dev/null
  mkdir -p "$KEEP"
  cp "$WORK"/*.log "$WORK"/*.tsv "$WORK"/wrk.out "$WORK/nginx/logs/error.log" "$KEEP/" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "FATAL: $*" >&2; exit 2; }
now_ms() { date +%s%3N; }
psql_at() { psql -h 127.0.0.1 -U postgres -At -d "$DB" -c "$1"; }
status_of() { curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true; }
# the form token of a saved page
token_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }
# which instance answered, from the X-Upstream header nginx adds (bench only), in saved headers
instance_of() {
  local upstream
  upstream=$(grep -i '^x-upstream:' "$1" | head -1 | tr -d '\r' | awk '{print $2}')
  case "$upstream" in
    *:"${PORT[A]}") echo A ;;
    *:"${PORT[B]}") echo B ;;
    *) echo "?" ;;
  esac
}

if [ -z "$NO_BUILD" ]; then
  echo "== Building"
  ./mvnw -q -B -ntp package -DskipTests
fi
JAR=$(ls target/your-area-*.jar | grep -v plain | head -1)
cp "$JAR" "$WORK/app.jar" # restarts use these same bytes whatever happens to target/
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" bench/instances/MailCatcher.java bench/instances/ContactPosts.java

echo "== Starting the SMTP catcher on $SMTP_PORT"
java -Xmx64m -cp "$WORK/classes" MailCatcher "$SMTP_PORT" "$WORK/mail.tsv" > "$WORK/mail.log" 2>&1 &
MAIL_PID=$!
until (echo >"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do
  kill -0 "$MAIL_PID" 2>/dev/null || fail "the SMTP catcher did not start: $(cat "$WORK/mail.log")"
  sleep 0.1
done

psql -h 127.0.0.1 -U postgres -q -c "create database $DB"

# Both instances run exactly this, apart from their ports. The relay every second; the supervisors'
# digest every 5 s and the escalation of overdue messages every 2 s (on both instances), so that
# both instances' scheduled jobs meet within the run. The client address is the one in
# X-Forwarded-For when the request comes from nginx (127.0.0.1), as behind any reverse proxy.
COMMON=(
  --spring.profiles.active=demo
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB"
  --server.forward-headers-strategy=native
  '--server.tomcat.remoteip.internal-proxies=127\.0\.0\.1'
  --yourarea.mail.relay-enabled=true
  --yourarea.mail.relay-interval=1s
  --spring.mail.host=127.0.0.1
  --spring.mail.port="$SMTP_PORT"
  '--yourarea.contact.digest-cron=*/5 * * * * *'
  --yourarea.contact.escalation-interval=2s
  --yourarea.contact.escalation-initial-delay=2s
  --yourarea.site.base-url="$NG"
  --logging.level.root=WARN
  --logging.level.uk.yourarea.notification.OutboxRelay=INFO
  --logging.level.org.springframework.boot.tomcat=INFO
  --logging.level.org.springframework.boot.web.embedded.tomcat=INFO
)
declare -A START_MS READY_MS
start_instance() {
  local name=$1
  START_MS[$name]=$(now_ms)
  echo "---- start $(date -u +%H:%M:%S.%3N)" >> "$WORK/$name.log"
  java -Xmx256m -jar "$WORK/app.jar" "${COMMON[@]}" --server.port="${PORT[$name]}" \
    --management.server.port="${MPORT[$name]}" >> "$WORK/$name.log" 2>&1 &
  PID[$name]=$!
}
# wait_ready NAME: until its readiness probe answers 200; returns 1 if it exits or takes 300 s
wait_ready() {
  local name=$1 deadline=$(( $(date +%s) + 300 ))
  until [ "$(status_of "http://127.0.0.1:${MPORT[$name]}/actuator/health/readiness")" = 200 ]; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then
      wait "${PID[$name]}" 2>/dev/null || true
      PID[$name]=""
      echo "instance $name exited while starting: $(grep -m1 -A3 'Application run failed' "$WORK/$name.log" | tail -3)" >&2
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then echo "instance $name not ready after 300 s" >&2; return 1; fi
    sleep 0.2
  done
  READY_MS[$name]=$(( $(now_ms) - START_MS[$name] ))
}

echo "== Starting instance A on ${PORT[A]} (loads the demo data into the empty database)"
start_instance A
wait_ready A || fail "instance A did not start"
echo "   ready after ${READY_MS[A]} ms"
echo "== Starting instance B on ${PORT[B]}, the same database"
start_instance B
wait_ready B || fail "instance B did not start"
echo "   ready after ${READY_MS[B]} ms"
B_FIRST_READY=$(now_ms)
FIRST_READY_A=${READY_MS[A]}; FIRST_READY_B=${READY_MS[B]}

echo "== Starting nginx on $NGINX_PORT, round robin over both"
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/temp"
# As docs/operations.md, "Several instances behind nginx", plus: an access log with the instance that
# answered (and any it tried first), an X-Upstream header saying the same to the benchmark, and the
# Host header with its port (the site is not on port 80 here).
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
error_log $WORK/nginx/logs/error.log warn;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  log_format bench '\$msec \$status \$request_method \$upstream_status "\$upstream_addr"';
  access_log $WORK/nginx/logs/access.log bench buffer=64k flush=1s;
  client_body_temp_path $WORK/nginx/temp/body;
  proxy_temp_path $WORK/nginx/temp/proxy;
  upstream your_area {
    server 127.0.0.1:${PORT[A]} max_fails=3 fail_timeout=10s;
    server 127.0.0.1:${PORT[B]} max_fails=3 fail_timeout=10s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 210m;
    client_body_timeout 10s;
    client_header_timeout 10s;
    location / {
      proxy_pass http://your_area;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
NGINX_STARTED=yes
until [ "$(status_of "$NG/")" = 200 ]; do sleep 0.1; done

declare -a ROWS
FAILED=0
# row NUMBER "what must hold" "measured" PASS|FAIL
row() {
  ROWS+=("| $1 | $2 | $3 | **$4** |")
  [ "$4" = PASS ] || FAILED=1
  echo "   $1: $4 ($3)"
}
# pass_if 'CONDITION': PASS or FAIL
pass_if() { if eval "$1"; then echo PASS; else echo FAIL; fi; }

# --- 1. A staff session through nginx, and a session cookie from A on B --------------------------
echo "== 1. A staff session across both instances"
J="$WORK/jar-nginx"
curl -s -c "$J" -b "$J" "$NG/staff/sign-in" -o "$WORK/page.html"
SIGN_IN=$(curl -s -c "$J" -b "$J" -D "$WORK/h" -o /dev/null -w '%{http_code} %{redirect_url}' \
  --data-urlencode "email=sergeant@example.org" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$(token_of "$WORK/page.html")" "$NG/staff/sign-in")
SIGNED_ON=$(instance_of "$WORK/h")
declare -A SERVED=([A]=0 [B]=0 ["?"]=0)
STAYED=0
for _ in $(seq 20); do
  code=$(curl -s -c "$J" -b "$J" -D "$WORK/h" -o "$WORK/page.html" -w '%{http_code}' "$NG/staff/supervisor")
  SERVED[$(instance_of "$WORK/h")]=$(( SERVED[$(instance_of "$WORK/h")] + 1 ))
  if [ "$code" = 200 ] && grep -q "Signed in as" "$WORK/page.html"; then STAYED=$((STAYED + 1)); fi
done
# A session started directly on A, then its cookie alone, directly on B.
JA="$WORK/jar-a"
A_URL="http://127.0.0.1:${PORT[A]}"; B_URL="http://127.0.0.1:${PORT[B]}"
curl -s -c "$JA" -b "$JA" "$A_URL/staff/sign-in" -o "$WORK/page.html"
curl -s -c "$JA" -b "$JA" -o /dev/null --data-urlencode "email=officer.wigston@example.org" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$(token_of "$WORK/page.html")" "$A_URL/staff/sign-in"
SESSION=$(awk '$6 == "JSESSIONID" {print $7}' "$JA" | tail -1)
ON_B=$(curl -s -H "Cookie: JSESSIONID=$SESSION" -o "$WORK/page.html" -w '%{http_code}' "$B_URL/staff/inbox")
grep -q "Signed in as" "$WORK/page.html" && ON_B="$ON_B, signed in" || ON_B="$ON_B, not signed in"
row "1. staff session on both" \
  "signed in through nginx, 20 requests spread over A and B all signed in; a session cookie from A works on B" \
  "sign-in answered ${SIGN_IN% *} (on $SIGNED_ON); $STAYED of 20 signed in (A ${SERVED[A]}, B ${SERVED[B]}); A's cookie on B: $ON_B" \
  "$(pass_if '[ "${SIGN_IN% *}" = 302 ] && [ "$STAYED" = 20 ] && [ "${SERVED[A]}" -gt 0 ] && [ "${SERVED[B]}" -gt 0 ] && [ "$ON_B" = "200, signed in" ]')"

# --- 2. An edit on A shows on B's public page ------------------------------------------------------
echo "== 2. An edit on A, B's page"
WIGSTON=$(psql_at "select id from neighbourhood where slug = 'wigston'")
curl -s -o /dev/null "$B_URL/area/wigston"
curl -s -o "$WORK/before.html" "$B_URL/area/wigston" # now in B's rendered-page cache
ISSUE="Bikes on the precinct footpath $RUN"
FORM="$A_URL/staff/neighbourhoods/$WIGSTON/priorities/new"
curl -s -c "$JA" -b "$JA" "$FORM" -o "$WORK/page.html"
RAISED=$(date -d '3 days ago' +%Y-%m-%d)
ADDED=$(curl -s -c "$JA" -b "$JA" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$(token_of "$WORK/page.html")" \
  --data-urlencode "issue=$ISSUE" --data-urlencode "origin=MESSAGES" --data-urlencode "originConsultationId=" \
  --data-urlencode "originDetail=" --data-urlencode "action=We are patrolling the precinct on Saturdays." \
  --data-urlencode "raisedOnDay=$(date -d "$RAISED" +%-d)" --data-urlencode "raisedOnMonth=$(date -d "$RAISED" +%-m)" \
  --data-urlencode "raisedOnYear=$(date -d "$RAISED" +%Y)" "$FORM")
EDITED=$(now_ms)
SHOWN_MS=""
while [ $(( $(now_ms) - EDITED )) -lt 10000 ]; do
  curl -s -o "$WORK/after.html" "$B_URL/area/wigston"
  if grep -qF "$ISSUE" "$WORK/after.html"; then SHOWN_MS=$(( $(now_ms) - EDITED )); break; fi
  sleep 0.05
done
BEFORE=$(grep -cF "$ISSUE" "$WORK/before.html" || true)
row "2. edit on A shows on B" "a priority added on A is on B's cached Your Area page within 2 s" \
  "added: $ADDED; on B's page after ${SHOWN_MS:-more than 10000} ms" \
  "$(pass_if '[ "$ADDED" = 303 ] && [ "$BEFORE" = 0 ] && [ -n "$SHOWN_MS" ] && [ "$SHOWN_MS" -le 2000 ]')"

# --- 3. N contact messages through nginx, one acknowledgement each ----------------------------------
echo "== 3. $CONTACTS contact messages, two relays"
java -cp "$WORK/classes" ContactPosts "$NG" south-wigston "ack-$RUN" 4 "$CONTACTS" 0 1000 "$WORK/ack-posts.tsv"
POSTED=$(now_ms)
ACK_303=$(awk -F'\t' '$2 == 303' "$WORK/ack-posts.tsv" | wc -l)
ACK_BOUND_MS=30000
# acknowledgements received for this check's addresses (subject "We have your message (reference …)")
acks() { awk -F'\t' -v p="ack-$RUN-" 'index($3, p) == 1 && $4 ~ /^We have your message/' "$WORK/mail.tsv" 2>/dev/null; }
ACK_MS=""
while [ $(( $(now_ms) - POSTED )) -lt $ACK_BOUND_MS ]; do
  if [ "$(acks | cut -f3 | sort -u | wc -l)" -ge "$ACK_303" ]; then ACK_MS=$(( $(now_ms) - POSTED )); break; fi
  sleep 0.2
done
sleep 3 # a second sending of any of them would come within a few relay runs
ACK_EMAILS=$(acks | wc -l)
ACK_PEOPLE=$(acks | cut -f3 | sort -u | wc -l)
ACK_IDS=$(acks | cut -f2 | sort -u | wc -l)
ACK_TWICE=$(acks | cut -f3 | sort | uniq -d | wc -l)
ACK_MISSING=$(comm -23 <(awk -F'\t' '$2 == 303 {print $1 "@example.org"}' "$WORK/ack-posts.tsv" | sort -u) \
  <(acks | cut -f3 | sort -u) | wc -l)
# the subject's reference is the one the resident was shown
ACK_WRONG=$(comm -13 <(awk -F'\t' '$2 == 303 {print $1 "@example.org " $3}' "$WORK/ack-posts.tsv" | sort -u) \
  <(acks | awk -F'\t' '{ref=$4; sub(/.*reference /, "", ref); sub(/\).*/, "", ref); print $3 " " ref}' | sort -u) | wc -l)
# which relay sent them (OutboxRelay logs "Email <id> to @domain sent on attempt <n>")
psql_at "select id from outbox_email where to_address like 'ack-$RUN-%'" | sort > "$WORK/ack-ids"
sent_by() { grep -o 'Email [0-9]* to @example.org sent' "$WORK/$1.log" | awk '{print $2}' | sort | comm -12 - "$WORK/ack-ids" | wc -l; }
row "3. one acknowledgement per message" \
  "$CONTACTS messages through nginx (303 each); each one acknowledgement, none twice, none missing, all within $((ACK_BOUND_MS / 1000)) s" \
  "$ACK_303 × 303; $ACK_EMAILS emails to $ACK_PEOPLE addresses ($ACK_IDS Message-IDs), $ACK_TWICE twice, $ACK_MISSING missing, $ACK_WRONG with another reference; all within ${ACK_MS:-over $ACK_BOUND_MS} ms of the last 303; sent by A $(sent_by A), B $(sent_by B)" \
  "$(pass_if '[ "$ACK_303" = "$CONTACTS" ] && [ "$ACK_EMAILS" = "$ACK_303" ] && [ "$ACK_PEOPLE" = "$ACK_303" ] && [ "$ACK_IDS" = "$ACK_303" ] && [ "$ACK_MISSING" = 0 ] && [ "$ACK_WRONG" = 0 ] && [ -n "$ACK_MS" ]')"

# --- 4. The failed sign-in throttle counts failures on both instances -----------------------------
echo "== 4. Failed sign-ins on both instances"
# open_sign_in URL N: browser N (a cookie jar of its own) opens the sign-in page
open_sign_in() {
  rm -f "$WORK/jar-$2"
  curl -s -c "$WORK/jar-$2" -b "$WORK/jar-$2" -o "$WORK/sign-in-$2.html" "$1/staff/sign-in"
}
# guess URL EMAIL N: browser N sends a wrong password and reads the answer: checked (the sign-in page
# again, 200, saying the email address or password is wrong: the password was checked), refused (429,
# before any password is checked), or the status of any other answer
guess() {
  local url=$1 email=$2 n=$3 jar="$WORK/jar-$3" code
  code=$(curl -s -c "$jar" -b "$jar" -o "$WORK/signed-$n.html" -w '%{http_code}' --data-urlencode "email=$email" \
    --data-urlencode "password=wrong password $n" --data-urlencode "_csrf=$(token_of "$WORK/sign-in-$n.html")" \
    "$url/staff/sign-in" || true)
  if [ "$code" = 429 ]; then echo refused
  elif [ "$code" = 200 ] && grep -q "Enter a correct email address and password" "$WORK/signed-$n.html"; then echo checked
  else echo "answered-$code"; fi
}
# tally WORDS...: "8 checked, 2 refused"
tally() { printf '%s\n' "$@" | sort | uniq -c | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}'; }
GUESSED="nobody-$RUN@example.org"
ANSWERS=()
for n in $(seq 10); do
  if [ $((n % 2)) = 1 ]; then url=$A_URL; else url=$B_URL; fi
  open_sign_in "$url" "$n"
  ANSWERS+=("$(guess "$url" "$GUESSED" "$n")")
done
open_sign_in "$A_URL" 11
ELEVENTH=$(guess "$A_URL" "$GUESSED" 11)
CHECKED=$(printf '%s\n' "${ANSWERS[@]}" | grep -c '^checked$' || true)
row "4. sign-in throttle across instances" \
  "10 wrong passwords for one account, alternately on A and B, are each checked; the 11th is refused (429) unchecked" \
  "the first 10: $(tally "${ANSWERS[@]}"); the 11th: $ELEVENTH" \
  "$(pass_if '[ "$CHECKED" = 10 ] && [ "$ELEVENTH" = refused ]')"

# 4b. The same limit under concurrent attempts: 20 browsers open the page, then all send at once,
# 10 to each instance.
BURST="burst-$RUN@example.org"
for n in $(seq 101 120); do
  if [ $((n % 2)) = 1 ]; then open_sign_in "$A_URL" "$n"; else open_sign_in "$B_URL" "$n"; fi
done
BURST_PIDS=()
for n in $(seq 101 120); do
  if [ $((n % 2)) = 1 ]; then url=$A_URL; else url=$B_URL; fi
  guess "$url" "$BURST" "$n" > "$WORK/burst-$n" &
  BURST_PIDS+=($!)
done
wait "${BURST_PIDS[@]}" || true # (not a bare wait: that would wait for the instances too)
BURST_ANSWERS=($(cat "$WORK"/burst-1*))
BURST_CHECKED=$(printf '%s\n' "${BURST_ANSWERS[@]}" | grep -c '^checked$' || true)
row "4b. the same, 20 attempts at once" \
  "of 20 wrong passwords for one account sent at once (10 to A, 10 to B), at most 10 are checked, the rest refused" \
  "$(tally "${BURST_ANSWERS[@]}")" \
  "$(pass_if '[ "$BURST_CHECKED" -le 10 ] && [ "${#BURST_ANSWERS[@]}" = 20 ] && [ "$(printf "%s\n" "${BURST_ANSWERS[@]}" | grep -c "^refused$")" = $((20 - BURST_CHECKED)) ]')"

# 4c. The contact form's limit per client address (5 in 10 minutes), through nginx: six messages one
# after another from one address, then twenty at once from another.
java -cp "$WORK/classes" ContactPosts "$NG" south-wigston "limit-$RUN" 1 6 0 same:500 "$WORK/limit-posts.tsv"
LIMIT_ANSWERS=($(cut -f2 "$WORK/limit-posts.tsv"))
LIMIT_ON=$(cut -f4 "$WORK/limit-posts.tsv" | sort -u | wc -l)
java -cp "$WORK/classes" ContactPosts "$NG" south-wigston "flood-$RUN" 20 20 0 same:600 "$WORK/flood-posts.tsv"
FLOOD_ANSWERS=($(cut -f2 "$WORK/flood-posts.tsv"))
FLOOD_STORED=$(psql_at "select count(*) from contact_message where sender_email like 'flood-$RUN-%'")
row "4c. contact limit per address across instances" \
  "of 6 messages in a row from one client address through nginx, the first 5 are taken (303) and the 6th refused (429); of 20 sent at once from another, at most 5 are stored" \
  "in a row: $(printf '%s ' "${LIMIT_ANSWERS[@]}")(on $LIMIT_ON instances); at once: $(tally "${FLOOD_ANSWERS[@]}"), $FLOOD_STORED stored" \
  "$(pass_if '[ "${LIMIT_ANSWERS[*]}" = "303 303 303 303 303 429" ] && [ "$FLOOD_STORED" -le 5 ]')"

# --- 5. Scheduled jobs run once ---------------------------------------------------------------------
echo "== 5. Scheduled jobs on both instances"
# The digest: both instances have run it every 5 s since they started; wait until each has had at
# least three turns while the other was up.
while [ $(( $(now_ms) - B_FIRST_READY )) -lt 16000 ]; do sleep 1; done
sleep 3 # the relay's interval, and then some
digests() { awk -F'\t' '$4 ~ /^Messages due or overdue today/' "$WORK/mail.tsv"; }
DIGESTS=$(digests | wc -l)
DIGEST_PEOPLE=$(digests | cut -f3 | sort -u | wc -l)
DIGEST_RUNS=$(psql_at "select count(*) from scheduled_job_run where job = 'daily-digest'")
DIGEST_QUEUED=$(psql_at "select count(*) from outbox_email where subject like 'Messages due or overdue today%'")
# Escalation: five of check 3's messages made overdue at once; both instances look every 2 s.
psql_at "update contact_message set due_at = now() - interval '1 minute'
         where sender_email in ('ack-$RUN-0@example.org', 'ack-$RUN-1@example.org', 'ack-$RUN-2@example.org',
                                'ack-$RUN-3@example.org', 'ack-$RUN-4@example.org') returning reference" \
  | (grep -o 'YA-[0-9A-Z-]*' || true) | sort > "$WORK/overdue"
OVERDUE_SET=$(now_ms)
escalations() { awk -F'\t' '$4 ~ /^We have not replied in time/' "$WORK/mail.tsv" | grep -F -f "$WORK/overdue" || true; }
overdue_notes() { awk -F'\t' '$4 ~ /^Overdue message /' "$WORK/mail.tsv" | grep -F -f "$WORK/overdue" || true; }
ESC_MS=""
while [ $(( $(now_ms) - OVERDUE_SET )) -lt 20000 ]; do
  if [ "$(escalations | wc -l)" -ge 5 ]; then ESC_MS=$(( $(now_ms) - OVERDUE_SET )); break; fi
  sleep 0.2
done
sleep 5 # two more turns of each instance's job
ESC_RESIDENT=$(escalations | wc -l)
ESC_SUPERVISOR=$(overdue_notes | wc -l)
ESC_SUPERVISOR_PAIRS=$(overdue_notes | awk -F'\t' '{ref=$4; sub(/^Overdue message /, "", ref); sub(/ .*/, "", ref); print $3 " " ref}' | sort -u | wc -l)
ESC_ENTRIES=$(psql_at "select count(*) from message_entry e join contact_message m on m.id = e.contact_message_id
                       where e.kind = 'ESCALATED' and m.sender_email like 'ack-$RUN-%'")
row "5. scheduled jobs run once" \
  "with both instances running the digest every 5 s, each supervisor gets one digest for the day; 5 messages made overdue are each escalated once (one email to the resident, one to each supervisor)" \
  "digests: $DIGESTS emails to $DIGEST_PEOPLE supervisors, $DIGEST_QUEUED queued, $DIGEST_RUNS runs recorded; escalations: $ESC_RESIDENT resident emails, $ESC_SUPERVISOR supervisor emails ($ESC_SUPERVISOR_PAIRS distinct), $ESC_ENTRIES ESCALATED entries, within ${ESC_MS:-over 20000} ms" \
  "$(pass_if '[ "$DIGESTS" -ge 1 ] && [ "$DIGESTS" = "$DIGEST_PEOPLE" ] && [ "$DIGEST_QUEUED" = "$DIGESTS" ] && [ "$DIGEST_RUNS" = "$DIGESTS" ] && [ "$ESC_RESIDENT" = 5 ] && [ "$ESC_ENTRIES" = 5 ] && [ "$ESC_SUPERVISOR" -ge 5 ] && [ "$ESC_SUPERVISOR" = "$ESC_SUPERVISOR_PAIRS" ]')"

# --- 6. A rolling restart under load -----------------------------------------------------------------
echo "== 6. Rolling restart under load (GETs: $LOAD_CONNECTIONS connections, $LOAD_PAUSE_MS ms apart; contact POSTs: $POSTERS senders, $POST_PAUSE_MS ms apart)"
LOAD_FROM=$(date +%s.%N)
wrk -t1 -c"$LOAD_CONNECTIONS" -d600s --timeout 30s --latency -s bench/lua/pages.lua "$NG" -- "$LOAD_PAUSE_MS" \
  /area/wigston /areas / "/find-your-area?postcode=LE18+1AA" /area/oadby /area/south-wigston/contact \
  > "$WORK/wrk.out" 2>&1 &
WRK_PID=$!
java -cp "$WORK/classes" ContactPosts "$NG" south-wigston "roll-$RUN" "$POSTERS" "until:$WORK/stop" "$POST_PAUSE_MS" 20000 \
  "$WORK/roll-posts.tsv" > "$WORK/posts.log" 2>&1 &
POSTS_PID=$!
sleep 5
declare -A EXIT_MS EXIT_CODE
EXIT_MS[B]="-"; EXIT_CODE[B]="-"; READY_MS[B]="-"
RESTARTED=yes
for name in A B; do
  echo "   SIGTERM to $name"
  t=$(now_ms)
  kill -TERM "${PID[$name]}"
  code=0; wait "${PID[$name]}" || code=$?
  EXIT_MS[$name]=$(( $(now_ms) - t )); EXIT_CODE[$name]=$code
  echo "   $name exited ($code) after ${EXIT_MS[$name]} ms; starting it again"
  start_instance "$name"
  if ! wait_ready "$name"; then
    READY_MS[$name]="never (it exited while starting)"
    RESTARTED="no: $name did not come back"
    break
  fi
  echo "   $name ready after ${READY_MS[$name]} ms"
  # As docs/operations.md says: the next restart only once this one has been ready and answering its
  # share for half a minute. nginx may have left it out for a failed connection while it started (for
  # fail_timeout, 10 s); going sooner can leave nginx with no instance at all for a moment.
  [ "$name" = A ] && sleep 30
done
touch "$WORK/stop"
WRK_STOP=$(date +%s.%N)
kill -INT "$WRK_PID"; wait "$WRK_PID" || true; WRK_PID=""
wait "$POSTS_PID" || true; POSTS_PID=""
LOAD_TO=$(date +%s.%N)
LOAD_S=$(awk -v a="$LOAD_FROM" -v b="$LOAD_TO" 'BEGIN {printf "%.0f", b - a}')
sleep 1.5 # nginx's access log buffer
awk -v from="$LOAD_FROM" -v to="$LOAD_TO" '$1 >= from && $1 <= to' "$WORK/nginx/logs/access.log" > "$WORK/load-access.log"
NGINX_REQUESTS=$(wc -l < "$WORK/load-access.log")
NGINX_5XX=$(awk '$2 >= 500' "$WORK/load-access.log" | wc -l)
NGINX_RETRIED=$(grep -c ', ' "$WORK/load-access.log" || true)
WRK_REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
WRK_BAD=$(awk '/Non-2xx or 3xx/ {n+=$NF} /Socket errors/ {gsub(/,/,""); n+=$4+$6+$8+$10} END {print n+0}' "$WORK/wrk.out")
POSTS=$(wc -l < "$WORK/roll-posts.tsv")
POSTS_303=$(awk -F'\t' '$2 == 303' "$WORK/roll-posts.tsv" | wc -l)
POST_STATUSES=$(cut -f2 "$WORK/roll-posts.tsv" | sort | uniq -c | awk '{printf "%s%s × %s", (NR > 1 ? ", " : ""), $1, $2}')
psql_at "select split_part(sender_email, '@', 1) from contact_message where sender_email like 'roll-$RUN-%'" \
  | sort -u > "$WORK/roll-stored"
LOST=$(awk -F'\t' '$2 == 303 {print $1}' "$WORK/roll-posts.tsv" | sort -u | comm -23 - "$WORK/roll-stored" | wc -l)
STORED_UNANSWERED=$(awk -F'\t' '$2 == 303 {print $1}' "$WORK/roll-posts.tsv" | sort -u | comm -13 - "$WORK/roll-stored" | wc -l)
row "6. rolling restart under load" \
  "SIGTERM to A, restart, ready; then B; during it no 5xx at nginx and every contact POST that got a 303 is stored" \
  "restarted: $RESTARTED; ${LOAD_S} s of load: $NGINX_REQUESTS requests at nginx, $NGINX_5XX 5xx ($NGINX_RETRIED passed to the other instance); wrk: $WRK_REQUESTS requests, $WRK_BAD non-2xx/3xx or socket errors; $POSTS contact POSTs ($POST_STATUSES), $LOST of the 303s not stored, $STORED_UNANSWERED stored without a 303; SIGTERM to exit: A ${EXIT_MS[A]} ms, B ${EXIT_MS[B]} ms" \
  "$(pass_if '[ "$RESTARTED" = yes ] && [ "$NGINX_5XX" = 0 ] && [ "$WRK_BAD" = 0 ] && [ "$POSTS" -gt 0 ] && [ "$POSTS_303" = "$POSTS" ] && [ "$LOST" = 0 ]')"

# Their acknowledgements: an email a stopped relay had claimed waits for its lease to run out.
ROLL_EXPECTED=$(psql_at "select count(*) from outbox_email where to_address like 'roll-$RUN-%'")
WAITED=$(now_ms)
roll_acks() { awk -F'\t' -v p="roll-$RUN-" 'index($3, p) == 1' "$WORK/mail.tsv"; }
while [ "$(roll_acks | cut -f2 | sort -u | wc -l)" -lt "$ROLL_EXPECTED" ] && [ $(( $(now_ms) - WAITED )) -lt 30000 ]; do sleep 0.5; done
ROLL_RECEIVED=$(roll_acks | cut -f2 | sort -u | wc -l)
ROLL_TWICE=$(roll_acks | cut -f2 | sort | uniq -d | wc -l)
ROLL_PENDING=$(psql_at "select count(*) from outbox_email where to_address like 'roll-$RUN-%' and status = 'PENDING'")

SUMMARY="$RESULTS/instances-$STAMP.md"
{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: two instances (-Xmx256m, relay every 1 s) on one fresh database with the demo data, nginx round robin in front."
  echo
  echo "| check | what must hold | measured | result |"
  echo "|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "- Start to ready: A ${FIRST_READY_A} ms (loading the demo data), then B ${FIRST_READY_B} ms; in the rolling restart A ${READY_MS[A]} ms, B ${READY_MS[B]} ms."
  [ "$RESTARTED" = yes ] || echo "- Restart failed, $RESTARTED: $(awk '/^---- start/ {n++} n >= 2' "$WORK"/[AB].log | grep -m1 -A3 'Application run failed' | tail -3 | cut -c1-300 | tr '\n' ' ')"
  echo "- SIGTERM to exit: A ${EXIT_MS[A]} ms (exit status ${EXIT_CODE[A]}), B ${EXIT_MS[B]} ms (exit status ${EXIT_CODE[B]})."
  echo "- The rolling restart's contact messages: $ROLL_EXPECTED acknowledgements queued; $ROLL_RECEIVED received within 30 s of the load's end, $ROLL_TWICE of them twice, $ROLL_PENDING still pending."
  echo "- Answers during the load: GETs (wrk) p50 $(awk '$1 == "50%" {print $2}' "$WORK/wrk.out"), p99 $(awk '$1 == "99%" {print $2}' "$WORK/wrk.out"), slowest $(awk '$1 == "Latency" {print $4}' "$WORK/wrk.out"); contact POSTs p50 $(cut -f5 "$WORK/roll-posts.tsv" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms, slowest $(cut -f5 "$WORK/roll-posts.tsv" | sort -n | tail -1) ms."
  echo "- nginx during the load, by status: $(awk '{print $2}' "$WORK/load-access.log" | sort | uniq -c | awk '{printf "%s%s × %s", (NR > 1 ? ", " : ""), $1, $2}')$(awk -v stop="$WRK_STOP" '$2 == 499 {n++; if ($1 >= stop) late++} END {if (n) printf " (%d of the 499s: requests wrk gave up when it was stopped)", late}' "$WORK/load-access.log")."
  if [ -s "$WORK/nginx/logs/error.log" ]; then
    echo "- nginx's error log, by kind: $(sed -E 's/^[0-9\/: ]+\[([a-z]+)\] [0-9#]+: \*?[0-9]* ?//; s/, client:.*//' "$WORK/nginx/logs/error.log" | sort | uniq -c | awk '{c=$1; $1=""; printf "%s%s ×%s", (NR > 1 ? "; " : ""), c, $0}')."
  fi
} | tee "$SUMMARY"
exit $FAILED
