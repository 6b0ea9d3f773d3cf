-- Settings every API script reads from the environment bench/run exports, and the helpers they share.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")

bench = {
  store = tonumber(os.getenv("BENCH_STORE")),
  window_start = tonumber(os.getenv("BENCH_WINDOW_START")), -- epoch seconds of the first day's local midnight
  window_days = tonumber(os.getenv("BENCH_WINDOW_DAYS")),
}
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

local seeded = false
function bench.random(low, high)
  if not seeded then
    -- each thread has its own Lua state: seed each differently
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
    seeded = true
  end
  return math.random(low, high)
end

function bench.utc(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

function bench.path(rest)
  return "/api/v1/stores/" .. bench.store .. rest
end
