-- GET the availability of the measured store's first script for a party of 4 over a whole week
-- (30-minute grid), the week starting on a random day of the window.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local script = tonumber(os.getenv("BENCH_SCRIPT_FIRST"))

request = function()
  local from = bench.window_start + 86400 * bench.random(0, math.max(0, bench.window_days - 7))
  return wrk.format("GET", bench.path("/availability?script_id=" .. script .. "&party_size=4&from=" .. bench.utc(from)
    .. "&to=" .. bench.utc(from + 7 * 86400) .. "&step_minutes=30"))
end
