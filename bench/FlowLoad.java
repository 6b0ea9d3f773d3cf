import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The benchmark's booking-flow load: WORKERS desks, each on one HTTP/1.1 connection of its own,
 * run whole flows back to back: create an incomplete booking, add six clients, set the script
 * (PATCH), match the six players, match the DM, confirm. A flow is timed from its first request
 * to the confirm's answer, each step on its own too. Flows that start during the warm-up are not
 * counted; the run stops starting flows after the measured time and waits for those under way.
 * Any answer other than the expected status is a failed flow, and stops nothing.
 *
 * Run by bench/run with the JDK's source launcher: java bench/FlowLoad.java, settings from the
 * environment (BENCH_BASE_URL, BENCH_TOKEN, BENCH_STORE, BENCH_WORKERS, BENCH_WARMUP_SECONDS,
 * BENCH_SECONDS, BENCH_WINDOW_START, BENCH_WINDOW_DAYS, BENCH_FLOW_SCRIPT, BENCH_CLIENT_FIRST,
 * BENCH_CLIENTS, BENCH_DM_FIRST, BENCH_DMS). Prints one RESULT line, times in microseconds.
 */
public final class FlowLoad {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern CHARACTER = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"[^\"]*\",\"is_dm\":(true|false)\\}");
    private static final List<String> STEPS = List.of("create", "add_client", "set_script", "match_client", "match_dm", "confirm");

    private final String base;
    private final String token;
    private final long scriptId;
    private final long[] playerCharacters;
    private final long dmCharacter;
    private final long clientFirst;
    private final int clients;
    private final long dmFirst;
    private final int dms;
    private final long windowStart;
    private final int windowDays;

    private FlowLoad(Map<String, String> env, long[] playerCharacters, long dmCharacter) {
        this.base = env.get("BENCH_BASE_URL") + "/api/v1/stores/" + env.get("BENCH_STORE");
        this.token = "Bearer " + env.get("BENCH_TOKEN");
        this.scriptId = Long.parseLong(env.get("BENCH_FLOW_SCRIPT"));
        this.playerCharacters = playerCharacters;
        this.dmCharacter = dmCharacter;
        this.clientFirst = Long.parseLong(env.get("BENCH_CLIENT_FIRST"));
        this.clients = Integer.parseInt(env.get("BENCH_CLIENTS"));
        this.dmFirst = Long.parseLong(env.get("BENCH_DM_FIRST"));
        this.dms = Integer.parseInt(env.get("BENCH_DMS"));
        this.windowStart = Long.parseLong(env.get("BENCH_WINDOW_START"));
        this.windowDays = Integer.parseInt(env.get("BENCH_WINDOW_DAYS"));
    }

    public static void main(String[] args) throws Exception {
        var env = System.getenv();
        var workers = Integer.parseInt(env.get("BENCH_WORKERS"));
        var warmup = Duration.ofSeconds(Long.parseLong(env.get("BENCH_WARMUP_SECONDS")));
        var measured = Duration.ofSeconds(Long.parseLong(env.get("BENCH_SECONDS")));
        var load = withScript(env);

        var desks = new ArrayList<Desk>();
        var threads = new ArrayList<Thread>();
        var started = System.nanoTime();
        var countFrom = started + warmup.toNanos();
        var stopAt = countFrom + measured.toNanos();
        for (int i = 0; i < workers; i++) {
            var desk = load.new Desk(countFrom, stopAt);
            desks.add(desk);
            threads.add(Thread.ofPlatform().name("desk-" + i).start(desk));
        }
        for (var thread : threads) {
            thread.join();
        }
        report(desks, measured);
    }

    /** Reads the flow script's characters: its six players and its DM character. */
    private static FlowLoad withScript(Map<String, String> env) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var request = HttpRequest.newBuilder(URI.create(env.get("BENCH_BASE_URL") + "/api/v1/stores/" + env.get("BENCH_STORE")
                + "/scripts/" + env.get("BENCH_FLOW_SCRIPT"))).header("Authorization", "Bearer " + env.get("BENCH_TOKEN")).build();
        var body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        var players = new ArrayList<Long>();
        long dm = -1;
        var matcher = CHARACTER.matcher(body);
        while (matcher.find()) {
            if (matcher.group(2).equals("true")) {
                dm = Long.parseLong(matcher.group(1));
            } else {
                players.add(Long.parseLong(matcher.group(1)));
            }
        }
        if (players.size() != 6 || dm < 0) {
            throw new IllegalStateException("the flow script needs six players and a DM character: " + body);
        }
        return new FlowLoad(env, players.stream().mapToLong(Long::longValue).toArray(), dm);
    }

    private static void report(List<Desk> desks, Duration measured) {
        var flows = new ArrayList<Long>();
        var steps = new LinkedHashMap<String, List<Long>>();
        STEPS.forEach(step -> steps.put(step, new ArrayList<>()));
        long failed = 0;
        long requests = 0;
        String firstFailure = "";
        for (var desk : desks) {
            flows.addAll(desk.flows);
            desk.steps.forEach((step, times) -> steps.get(step).addAll(times));
            failed += desk.failed;
            requests += desk.requests;
            if (firstFailure.isEmpty() && desk.firstFailure != null) {
                firstFailure = desk.firstFailure;
            }
        }
        var line = new StringBuilder(String.format("RESULT flows=%d seconds=%d requests=%d failed=%d p50_us=%d p99_us=%d",
                flows.size(), measured.toSeconds(), requests, failed, percentile(flows, 50), percentile(flows, 99)));
        steps.forEach((step, times) -> line.append(String.format(" %s_p50_us=%d %s_p99_us=%d",
                step, percentile(times, 50), step, percentile(times, 99))));
        System.out.println(line);
        if (!firstFailure.isEmpty()) {
            System.out.println("FIRST_FAILURE " + firstFailure.replace('\n', ' '));
        }
    }

    private static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        var rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1_000;
    }

    /** One desk: one connection, flows back to back. */
    private final class Desk implements Runnable {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final long countFrom;
        private final long stopAt;
        private final List<Long> flows = new ArrayList<>();
        private final Map<String, List<Long>> steps = new LinkedHashMap<>();
        private long failed;
        private long requests;
        private String firstFailure;

        Desk(long countFrom, long stopAt) {
            this.countFrom = countFrom;
            this.stopAt = stopAt;
            STEPS.forEach(step -> steps.put(step, new ArrayList<>()));
        }

        @Override
        public void run() {
            while (System.nanoTime() < stopAt) {
                var start = System.nanoTime();
                var counted = start >= countFrom;
                var times = new LinkedHashMap<String, List<Long>>();
                try {
                    flow(times);
                    if (counted) {
                        flows.add(System.nanoTime() - start);
                        times.forEach((step, list) -> steps.get(step).addAll(list));
                    }
                } catch (FlowFailed e) {
                    if (counted) {
                        failed++;
                        if (firstFailure == null) {
                            firstFailure = e.getMessage();
                        }
                    }
                }
                if (counted) {
                    requests += times.values().stream().mapToInt(List::size).sum();
                }
            }
        }

        private void flow(Map<String, List<Long>> times) throws FlowFailed {
            var random = ThreadLocalRandom.current();
            var day = random.nextInt(windowDays);
            var startAt = Instant.ofEpochSecond(windowStart + 86_400L * day + 1_800L * random.nextInt(20, 44));
            var booking = send(times, "create", "POST", base + "/bookings/incomplete", "{\"start_at\":\"" + startAt + "\"}", 201);
            var matcher = ID.matcher(booking);
            if (!matcher.find()) {
                throw new FlowFailed("no id in " + booking);
            }
            var path = base + "/bookings/" + matcher.group(1);
            var party = random.ints(0, clients).distinct().limit(playerCharacters.length).mapToLong(i -> clientFirst + i).toArray();
            for (var client : party) {
                send(times, "add_client", "POST", path + "/clients", "{\"client_id\":" + client + "}", 201);
            }
            send(times, "set_script", "PATCH", path, "{\"script_id\":" + scriptId + "}", 200);
            for (int i = 0; i < party.length; i++) {
                send(times, "match_client", "POST", path + "/character-client-matches",
                        "{\"character_id\":" + playerCharacters[i] + ",\"client_id\":" + party[i] + "}", 201);
            }
            send(times, "match_dm", "POST", path + "/character-dm-matches",
                    "{\"character_id\":" + dmCharacter + ",\"dm_id\":" + (dmFirst + random.nextInt(dms)) + "}", 201);
            send(times, "confirm", "POST", path + "/confirm", null, 200);
        }

        private String send(Map<String, List<Long>> times, String step, String method, String uri, String body, int expected)
                throws FlowFailed {
            var request = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", token)
                    .timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            var start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new FlowFailed(step + ": " + e);
            }
            times.computeIfAbsent(step, s -> new ArrayList<>()).add(System.nanoTime() - start);
            if (response.statusCode() != expected) {
                throw new FlowFailed(step + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    private static final class FlowFailed extends Exception {
        FlowFailed(String message) {
            super(message);
        }
    }
}
