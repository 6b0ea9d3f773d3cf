-- POST an incomplete booking with a script, at a random half hour between 10:00 and 21:30 of a
-- random day of the window, so that the writes spread over the schedule as a desk's do.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
wrk.headers["Content-Type"] = "application/json"
local first_script = tonumber(os.getenv("BENCH_SCRIPT_FIRST"))

request = function()
  local start = bench.window_start + 86400 * bench.random(0, bench.window_days - 1) + 1800 * bench.random(20, 43)
  local body = string.format('{"start_at":"%s","script_id":%d}', bench.utc(start), first_script + bench.random(0, 9))
  return wrk.format("POST", bench.path("/bookings/incomplete"), nil, body)
end
