-- GET /health/live: the server's HTTP floor, no database.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
