-- GET the first page (default limit 50) of one day's bookings of the measured store, a random day.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")

request = function()
  local from = bench.window_start + 86400 * bench.random(0, bench.window_days - 1)
  return wrk.format("GET", bench.path("/bookings?from=" .. bench.utc(from) .. "&to=" .. bench.utc(from + 86400)))
end
