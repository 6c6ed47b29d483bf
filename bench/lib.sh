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
