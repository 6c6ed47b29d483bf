-- POST the contact form with valid, distinct messages (one session's CSRF token, a new idempotency
-- key and email address each time) and count the 303s, which the script compares with stored rows.
-- Each message comes from its own client address (X-Forwarded-For, from the benchmarking range
-- 198.18.0.0/15), as residents' messages do, so the site's own rate limits stay as configured.
-- Arguments: CSRF token, session cookie, the form's start time, and the email addresses' prefix.
local counter = 0
-- wrk also calls request() once before init(), to check the script.
csrf = ""
cookie = ""
started = "0"
prefix = "bench"
seen = 0 -- global, so that done() can read it with thread:get
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  -- A per-thread, per-run nonce keeps idempotency keys distinct across threads and runs.
  math.randomseed(os.time() + (thread_id or 0) * 7919)
  nonce = math.random(0, 0x7fffffff)
  csrf = args[1]
  cookie = args[2]
  started = args[3]
  prefix = args[4] or "bench"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = cookie
end

function request()
  counter = counter + 1
  local id = string.format("%08x%08x%016x", thread_id or 0, nonce or 0, counter)
  local address = (nonce or 0) + counter
  wrk.headers["X-Forwarded-For"] = string.format("198.%d.%d.%d", 18 + math.floor(address / 65536) % 2,
    math.floor(address / 256) % 256, address % 256)
  local body = "_csrf=" .. csrf .. "&idempotencyKey=" .. id .. "&startedAt=" .. started
    .. "&name=Bench+Resident&email=" .. prefix .. "-" .. id .. "%40example.org&preferredContact=EMAIL"
    .. "&senderType=RESIDENT&topic=GENERAL_ENQUIRY&message=When+is+the+next+beat+surgery%3F&website="
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 303 then
    seen = seen + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("seen") or 0)
  end
  io.write(string.format("SEE_OTHER %d\n", total))
end
