# Shared by the bench scripts; warm_up expects THREADS and CONNECTIONS to be set.

# free_port N: a port nobody listens on on 127.0.0.1, from N upwards
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# to_ms: wrk's latency ("850.00us", "1.20ms", "1.01s") in milliseconds
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v}'; }

# warm_up URL [SCRIPT [SCRIPT ARGS...]]: load until the JIT has finished with the path, which on two
# busy cores takes a minute or more: 5 s rounds until three in a row are within 5 % of each other
# (at most 3 minutes). A fixed short warm-up measured a half-compiled application.
warm_up() {
  local url=$1; shift
  local script=()
  if [ $# -gt 0 ]; then script=(-s "$1"); shift; fi
  local rates="" rate settled=""
  for round in $(seq 36); do
    rate=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${script[@]}" "$url" -- "$@" 2>/dev/null | awk '/Requests\/sec/ {printf "%d", $2}')
    rates="$rates ${rate:-0}"
    if [ "$round" -ge 3 ] && echo "$rates" | awk '{a=$(NF-2); b=$(NF-1); c=$NF; hi=a; lo=a;
        if (b>hi) hi=b; if (c>hi) hi=c; if (b<lo) lo=b; if (c<lo) lo=c; exit !(hi > 0 && (hi-lo) <= 0.05*hi)}'; then
      settled=yes
      break
    fi
  done
  echo "   warm-up of ${url}${script[1]:+ ($(basename "${script[1]}"))}: $((round * 5)) s, $([ -n "$settled" ] && echo settled || echo "did not settle"); req/s per round:$rates"
}

# paced_latency URL OUT STOPFILE: asks for URL about 20 times a second, one request at a time, as
# residents would, until STOPFILE is gone; one "status seconds" line per request in OUT. Unlike wrk at
# full speed, the client never saturates the machine itself, so each figure is a resident's wait.
paced_latency() {
  while [ -e "$3" ]; do
    curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}\n' "$1" >> "$2" || echo "000 0" >> "$2"
    sleep 0.05
  done
}

# latency_summary FILE: "requests p50 p99 max errors" of a paced_latency file, in milliseconds
latency_summary() {
  awk '{printf "%.1f\n", $2 * 1000}' "$1" | sort -g > "$1.sorted"
  awk -v errors="$(awk '$1 != "200"' "$1" | wc -l)" '{a[NR] = $1}
    END {n = NR; p50 = int(n * 0.5); if (p50 < 1) p50 = 1; p99 = int(n * 0.99 + 0.999); if (p99 > n) p99 = n;
         printf "%d %s %s %s %d\n", n, a[p50], a[p99], a[n], errors}' "$1.sorted"
}

# wait_until_ready PID MANAGEMENT_PORT LOG [SECONDS]: until the application answers its readiness probe;
# if it stops or takes longer than SECONDS (240), prints the end of LOG and exits.
wait_until_ready() {
  local pid=$1 port=$2 log=$3 deadline=$((SECONDS + ${4:-240}))
  until [ "$(curl -s -o /dev/null -m 10 -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null || true)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge "$deadline" ]; then
      echo "The application did not start; the end of its log:" >&2
      tail -40 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# clean_up_run: for "trap clean_up_run EXIT": stops the application ($APP_PID, if any), drops the run's
# database ($DB) and removes its work directory ($WORK).
clean_up_run() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" 2>/dev/null || true
  rm -rf "$WORK"
}
