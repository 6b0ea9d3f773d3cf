-- GET one booking of the measured store, a different one each time, among the coming fortnight's.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local first, last = tonumber(os.getenv("BENCH_BOOKING_FIRST")), tonumber(os.getenv("BENCH_BOOKING_LAST"))

request = function()
  return wrk.format("GET", bench.path("/bookings/" .. bench.random(first, last)))
end
