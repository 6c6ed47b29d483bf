-- POST the staff sign-in form with a wrong password, for an email address of its own each time (one
-- with no account, checked against the dummy hash, which costs the same), from a client address of its
-- own (X-Forwarded-For, from the benchmarking range 198.18.0.0/15): no sign-in limit refuses any, so
-- every attempt costs an Argon2id hash, the worst burst the limits let through.
-- Counts the answers by status: 200 (checked, wrong), 429 (refused unchecked), 503 (busy); anything
-- else (the redirect of versions before issue 13) as other.
-- Arguments: CSRF token, and the token's cookie.
local counter = 0
csrf = ""
cookie = ""
checked = 0 -- globals, so that done() can read them with thread:get
refused = 0
busy = 0
other = 0
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
  nonce = math.random(0, 0xffff) * 16
  csrf = args[1]
  cookie = args[2]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = cookie
end

function request()
  counter = counter + 1
  local address = (nonce or 0) + counter * 64 + (thread_id or 0)
  wrk.headers["X-Forwarded-For"] = string.format("198.%d.%d.%d", 18 + math.floor(address / 65536) % 2,
    math.floor(address / 256) % 256, address % 256)
  local body = "_csrf=" .. csrf .. "&email=burst-" .. address .. "%40example.org"
    .. "&password=not+the+password+" .. counter
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 200 then
    checked = checked + 1
  elseif status == 429 then
    refused = refused + 1
  elseif status == 503 then
    busy = busy + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = { checked = 0, refused = 0, busy = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + (thread:get(name) or 0)
    end
  end
  io.write(string.format("SIGN_INS checked=%d refused=%d busy=%d other=%d\n", totals.checked, totals.refused,
    totals.busy, totals.other))
end
