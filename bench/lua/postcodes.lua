-- GET /find-your-area?postcode=… for a random real postcode from the list the script wrote.
local postcodes = {}

function init(args)
  for line in io.lines(args[1]) do
    postcodes[#postcodes + 1] = line:gsub(" ", "+")
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  -- wrk also calls this once before init(), to check the script.
  if #postcodes == 0 then
    return wrk.format("GET", "/find-your-area?postcode=LE18+1AA")
  end
  return wrk.format("GET", "/find-your-area?postcode=" .. postcodes[math.random(#postcodes)])
end
