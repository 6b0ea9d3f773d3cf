-- Shared by every wrk script of the benchmark: one machine-readable line that bench/run parses.
-- Latencies are microseconds; failures are socket errors and timeouts, rejected are answers >= 400.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d failures=%d rejected=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
