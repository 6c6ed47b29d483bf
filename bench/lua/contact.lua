-- POST the contact form with valid, distinct messages (one session's CSRF token, a new idempotency
-- key and email address each time) and count the 303s, which the script compares with stored rows.
local counter = 0
-- wrk also calls request() once before init(), to check the script.
csrf = ""
cookie = ""
started = "0"
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
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = cookie
end

function request()
  counter = counter + 1
  local id = string.format("%08x%08x%016x", thread_id or 0, nonce or 0, counter)
  local body = "_csrf=" .. csrf .. "&idempotencyKey=" .. id .. "&startedAt=" .. started
    .. "&name=Bench+Resident&email=bench-" .. id .. "%40example.org&preferredContact=EMAIL"
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
