# Shared by bench/run, bench/balanced and bench/shapes: what they need, the server, the measuring and the data.
# Sourced, not run. The caller sets root, bench_dir, work_dir, seconds, warmup, connections,
# threads, db, jar, admin_token and base_url before it calls these.
# shellcheck shell=bash

psql_cmd=(psql -h 127.0.0.1 -p 5432 -U postgres -X -q -v ON_ERROR_STOP=1)
say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
sql() { "${psql_cmd[@]}" -d "$db" "$@"; }
sql_value() { "${psql_cmd[@]}" -d "$db" -tA -c "$1"; }

# --- what it needs ------------------------------------------------------------------------------

# apt_install COMMAND PACKAGE: installs PACKAGE when COMMAND is missing (needs root)
apt_install() {
  command -v "$1" >/dev/null 2>&1 && return 0
  say "installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
}

# bench_needs PORT...: a JDK 21+, wrk, PostgreSQL up, a jar no older than the sources, the flow
# driver compiled, and the given ports free
bench_needs() {
  set -f
  . ./.mvn/find-jdk.sh
  set +f
  java_opts=${SCHEDULER_JAVA_OPTS-$(sed -n 's/^java_opts=\${SCHEDULER_JAVA_OPTS-"\(.*\)"}$/\1/p' scheduler)}
  apt_install wrk wrk
  pgbench=$(command -v pgbench || echo /usr/bin/pgbench)
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    say "starting PostgreSQL"
    pg_ctlcluster 15 main start
    for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.2; done
  fi
  if [ ! -f "$jar" ] || [ -n "$(find . -path ./scheduler-data -prune -o \( -name '*.java' -o -name '*.sql' -o -name 'pom.xml' \) -newer "$jar" -print 2>/dev/null | grep -v -e '/target/' -e '^./bench/' | head -n 1)" ]; then
    say "building $jar"
    ./mvnw -B -q -DskipTests package
  fi
  mkdir -p "$work_dir/classes"
  "$JAVA_HOME/bin/javac" -d "$work_dir/classes" "$bench_dir/FlowLoad.java"
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is in use: set BENCH_PORT" >&2
      exit 1
    fi
  done
}

# --- the server ---------------------------------------------------------------------------------

# launch_server PORT: starts an instance on the benchmark's database; its pid is in launched_pid
launch_server() {
  # shellcheck disable=SC2086 # the options are words
  SCHEDULER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SCHEDULER_DB_USER=postgres SCHEDULER_ADMIN_TOKEN=$admin_token SCHEDULER_RATE_LIMIT_PER_SECOND=1000000 SCHEDULER_RATE_LIMIT_BURST=1000000 \
    SCHEDULER_PORT=$1 SCHEDULER_HOST=127.0.0.1 SCHEDULER_DATA_DIR="$work_dir/data-$1" \
    "$JAVA_HOME/bin/java" $java_opts -jar "$jar" >>"$work_dir/server-$1.log" 2>&1 &
  launched_pid=$!
}

# await_ready PORT PID SINCE: waits for the instance's /health/ready; prints the milliseconds since
# SINCE (date +%s%N)
await_ready() {
  local port=$1 pid=$2 since=$3 deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the server on port $port exited; its log:" >&2; tail -n 40 "$work_dir/server-$port.log" >&2; exit 1
    fi
    if [ $SECONDS -gt $deadline ]; then echo "the server on port $port was not ready within 120 s" >&2; exit 1; fi
    sleep 0.01
  done
  echo $((($(date +%s%N) - since) / 1000000))
}

# stop_pid PID: a graceful stop, waited for
stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# --- the data -----------------------------------------------------------------------------------

# load_recent STORES PER_STORE BASE_DAY: the catalogue and the coming days' bookings of each store
load_recent() {
  sql -v stores="$1" -f "$bench_dir/sql/catalogue.sql" >/dev/null
  sql -v stores="$1" -v k_from=0 -v k_to="$2" -v id_base=0 -v base_day="$3" -f "$bench_dir/sql/bookings.sql" >/dev/null
  sql -c "VACUUM (ANALYZE)" >/dev/null
  remember_loaded
}

# load_history STORES PER_STORE BASE_DAY: PER_STORE bookings of history before BASE_DAY for each
# store, foreign-key triggers off (the same formulas satisfy them), then VACUUM ANALYZE
load_history() {
  sql -c "SET session_replication_role = replica" -v stores="$1" -v k_from=-"$2" -v k_to=0 \
    -v id_base="$(sql_value "SELECT last_value FROM booking_id_seq")" -v base_day="$3" \
    -f "$bench_dir/sql/bookings.sql" >/dev/null
  sql -c "VACUUM (ANALYZE)" >/dev/null
}

# desk_token: a staff actor of store 1, made through the admin API at base_url
desk_token() {
  local token
  token=$(curl -sf -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' "$base_url/api/v1/actors" \
    -d '{"name":"Bench desk","store_ids":[1],"admin":false}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { echo "could not create the desk's actor" >&2; exit 1; }
  echo "$token"
}

# --- measuring ----------------------------------------------------------------------------------

declare -A result
fmt_ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }

# wrk_run NAME SCRIPT PATH: a warm-up, then the measured run; stores NAME.rps/.p50/.p99/.bad
wrk_run() {
  local name=$1 script=$2 path=$3 line
  say "$name: ${warmup}s warm-up, ${seconds}s measured"
  phase "$name"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s -s "$bench_dir/wrk/$script" "$base_url$path" >/dev/null
  line=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$bench_dir/wrk/$script" "$base_url$path" | grep '^RESULT')
  local requests duration p50 p99 failures rejected
  requests=$(sed 's/.* requests=\([0-9]*\).*/\1/' <<<"$line")
  duration=$(sed 's/.* duration_us=\([0-9]*\).*/\1/' <<<"$line")
  p50=$(sed 's/.* p50_us=\([0-9]*\).*/\1/' <<<"$line")
  p99=$(sed 's/.* p99_us=\([0-9]*\).*/\1/' <<<"$line")
  failures=$(sed 's/.* failures=\([0-9]*\).*/\1/' <<<"$line")
  rejected=$(sed 's/.* rejected=\([0-9]*\).*/\1/' <<<"$line")
  result[$name.rps]=$(awk -v r="$requests" -v d="$duration" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
  result[$name.p50]=$(fmt_ms "$p50")
  result[$name.p99]=$(fmt_ms "$p99")
  result[$name.bad]=$((failures + rejected))
}

# pgbench_run NAME MODE-OPTION
pgbench_run() {
  local name=$1 mode=$2 out
  say "$name: ${warmup}s warm-up, ${seconds}s measured"
  "$pgbench" -h 127.0.0.1 -U postgres -n -M prepared "$mode" -c "$connections" -j "$threads" -T "$warmup" "$pgbench_db" >/dev/null 2>&1
  out=$("$pgbench" -h 127.0.0.1 -U postgres -n -M prepared "$mode" -c "$connections" -j "$threads" -T "$seconds" "$pgbench_db" 2>&1)
  result[$name.rps]=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$out" | awk '{ printf "%.0f", $1 }')
  result[$name.avg]=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
  result[$name.bad]=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")
  result[$name.bad]=${result[$name.bad]:-0}
}

flows() {
  BENCH_BASE_URL=$base_url BENCH_WORKERS=$connections BENCH_WARMUP_SECONDS=$1 BENCH_SECONDS=$2 \
    BENCH_FLOW_SCRIPT=$flow_script BENCH_CLIENT_FIRST=1 BENCH_CLIENTS=5000 BENCH_DM_FIRST=1 BENCH_DMS=50 \
    "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work_dir/classes" FlowLoad
}

# flow_run NAME: the booking flow driver (bench/FlowLoad.java) with a warm-up
flow_run() {
  local name=$1 line
  say "$name: booking flows, ${warmup}s warm-up, ${seconds}s measured"
  phase "$name"
  line=$(flows "$warmup" "$seconds")
  grep '^FIRST_FAILURE' <<<"$line" >&2 || true
  line=$(grep '^RESULT' <<<"$line")
  local key
  for key in flows requests failed p50_us p99_us confirm_p50_us confirm_p99_us; do
    result[$name.$key]=$(sed "s/.* $key=\([0-9]*\).*/\1/" <<<"$line")
  done
  result[$name.rate]=$(awk -v f="${result[$name.flows]}" -v s="$seconds" 'BEGIN { printf "%.1f", f / s }')
  result[$name.rps]=$(awk -v r="${result[$name.requests]}" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')
  result[$name.p50]=$(fmt_ms "${result[$name.p50_us]}")
  result[$name.p99]=$(fmt_ms "${result[$name.p99_us]}")
  result[$name.confirm_p50]=$(fmt_ms "${result[$name.confirm_p50_us]}")
  result[$name.confirm_p99]=$(fmt_ms "${result[$name.confirm_p99_us]}")
  result[$name.bad]=${result[$name.failed]}
}

# names what the server is doing, for the memory samples
phase() { echo "$1" >"$work_dir/phase"; }

# forgets what the measured runs created, so that each run starts on the same data
reset_data() {
  sql -c "DELETE FROM booking WHERE id > $loaded_booking_max" \
      -c "DELETE FROM slot WHERE id > $loaded_slot_max" \
      -c "DELETE FROM idempotency_key" \
      -c "VACUUM (ANALYZE) booking, booking_client, character_client_match, character_dm_match, slot" >/dev/null
}

remember_loaded() {
  loaded_booking_max=$(sql_value "SELECT coalesce(max(id), 0) FROM booking")
  loaded_slot_max=$(sql_value "SELECT coalesce(max(id), 0) FROM slot")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
ceiling() { awk -v h="$1" -v p="$2" 'BEGIN { printf "%.0f", 1 / (1 / h + 1 / p) }'; }

