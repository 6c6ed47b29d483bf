-- GET a list of pages in turn, each connection waiting a while after each answer, so the load has a
-- ceiling (connections x 1000 / (pause + latency) requests/s) and leaves room on a small machine.
-- Arguments: the pause in milliseconds, then the paths.
local paths = { "/" }
local pause = 0
local n = 0

function init(args)
  pause = tonumber(args[1]) or 0
  if #args > 1 then
    paths = {}
    for i = 2, #args do
      paths[#paths + 1] = args[i]
    end
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  n = math.random(#paths)
end

function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end

function delay()
  return pause
end
