package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees: {@code ./scheduler} on a fresh data directory, started through a
 * pseudo-terminal as a person's shell would ({@code script} of util-linux, in every Debian
 * install), and the jar without a terminal, as a service manager runs it.
 */
class FirstRunIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("scheduler.readme", "../README.md"))
            .toAbsolutePath().getParent();
    private static final Pattern TOKEN_LINE = Pattern.compile("T='Authorization: Bearer ([A-Za-z0-9_-]+)'; J=.*; API=\\S+");
    private static final Pattern TEXT_LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) .*");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "the pseudo-terminal is util-linux's script, whose options differ on macOS")
    void a_first_start_on_a_terminal_is_short_prints_an_admin_token_and_the_readme_first_booking_works_with_it(
            @TempDir Path dataDir) throws Exception {
        String token;
        try (var first = Run.onTerminal(dataDir)) {
            var lines = first.awaitLine(TOKEN_LINE);
            assertEquals(List.of(), lines.stream().filter(line -> line.matches("(?i).*(error|warning).*")).toList(),
                    "a normal start prints no error or warning: " + lines);
            var listening = indexOf(lines, "Store Scheduler listens on http://localhost:" + first.port() + "/api/v1");
            assertTrue(listening <= 15, "at most 15 lines before the service says where it listens: " + lines);
            lines.subList(0, listening).forEach(line -> assertTrue(TEXT_LOG_LINE.matcher(line).matches(), "a text log line: " + line));
            assertTrue(lines.get(listening + 1).contains("/health/ready") && lines.get(listening + 1).contains("/api/v1/docs"), lines.toString());
            var tokenLine = lines.stream().filter(line -> TOKEN_LINE.matcher(line.strip()).matches()).findFirst().orElseThrow();
            token = group(TOKEN_LINE, tokenLine.strip());
            assertTrue(token.length() >= 32, token);

            var booking = bash(tokenLine.strip() + "\n" + readmeBlock("first-booking"));
            assertTrue(booking.contains("\"name\":\"Mystery House\""), booking);
            assertTrue(booking.contains("\"status\":\"incomplete\""), booking);
            assertTrue(booking.contains("\"code\":\"confirm_preconditions_failed\""), booking);
        }
        try (var second = Run.onTerminal(dataDir)) {
            var lines = second.awaitLine(Pattern.compile("Admin token printed at the first start on .*"));
            var said = lines.stream().filter(line -> line.startsWith("Admin token printed")).findFirst().orElseThrow();
            assertTrue(said.contains(LocalDate.now(ZoneOffset.UTC).toString()) && said.contains("./scheduler admin-token"), said);
            assertFalse(lines.stream().anyMatch(line -> line.contains(token)), "the token is printed once only");
            assertEquals(200, second.status("/api/v1/stores", token), "the first start's token still works");
        }
        var renewed = newAdminToken(dataDir);
        try (var third = Run.withoutTerminal(dataDir)) {
            third.awaitLine(Pattern.compile(".*Store Scheduler listens on.*"));
            assertEquals(401, third.status("/api/v1/stores", token), "admin-token revoked the first start's token");
            assertEquals(200, third.status("/api/v1/stores", renewed), "admin-token's token works");
        }
    }

    @Test
    void without_a_terminal_every_line_is_json_and_no_token_is_printed(@TempDir Path dataDir) throws Exception {
        List<String> lines;
        try (var run = Run.withoutTerminal(dataDir)) {
            lines = run.awaitLine(Pattern.compile(".*No SCHEDULER_ADMIN_TOKEN set.*"));
        }
        for (var line : lines) {
            var object = JSON.readTree(line);
            assertTrue(object.has("@timestamp") && object.has("level") && object.has("message"), line);
            assertFalse(object.get("level").asText().matches("WARN|ERROR"), line);
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("Store Scheduler listens on")), lines.toString());
        assertFalse(lines.stream().anyMatch(line -> line.contains("Bearer")), "no token in the logs: " + lines);
    }

    @Test
    void help_and_version_answer_without_starting_anything(@TempDir Path work) throws Exception {
        var dataDir = work.resolve("data");
        var help = command(dataDir, "--help");
        assertTrue(help.startsWith("usage: scheduler"), help);
        assertTrue(help.contains("admin-token") && help.contains("SCHEDULER_LOG_FORMAT"), help);
        var version = command(dataDir, "version");
        assertTrue(version.matches("Store Scheduler \\S+ on Java .*; embedded PostgreSQL for Linux x86_64 and arm64, macOS x86_64 and arm64\\s*"),
                version);
        assertFalse(Files.exists(dataDir), "no database was started");
    }

    /** {@code ./scheduler admin-token} on the stopped server's data directory: the new token it prints. */
    private static String newAdminToken(Path dataDir) throws Exception {
        var output = command(dataDir, "admin-token");
        var line = output.lines().map(String::strip).filter(l -> TOKEN_LINE.matcher(l).matches()).findFirst();
        assertTrue(line.isPresent(), output);
        return group(TOKEN_LINE, line.get());
    }

    /** {@code ./scheduler ARGS} without a terminal, to its end: what it printed. */
    private static String command(Path dataDir, String... args) throws Exception {
        var commandLine = new ArrayList<>(List.of("./scheduler"));
        commandLine.addAll(List.of(args));
        var builder = new ProcessBuilder(commandLine).directory(REPOSITORY.toFile()).redirectErrorStream(true);
        Run.configure(builder, dataDir, 0);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "./scheduler " + String.join(" ", args) + " did not end");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String readmeBlock(String marker) throws IOException {
        var readme = Files.readString(REPOSITORY.resolve("README.md"));
        var block = Pattern.compile("<!-- " + marker + ":start -->\\s*```\\w*\\n(.*?)```\\s*<!-- " + marker + ":end -->",
                Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README has no " + marker + " block");
        return block.group(1);
    }

    private static String bash(String script) throws Exception {
        var shell = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        var output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shell.waitFor(60, TimeUnit.SECONDS), "the commands did not end");
        return output;
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix + ": " + lines);
    }

    private static String group(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertTrue(matcher.matches(), text);
        return matcher.group(1);
    }

    /** One run of the server, stopped with SIGTERM on close; its output in a file. */
    private record Run(Process process, int port, Path output) implements AutoCloseable {

        /** {@code ./scheduler} as a person types it, its output a pseudo-terminal. */
        static Run onTerminal(Path dataDir) throws Exception {
            return start(List.of("script", "-q", "-e", "-c", "./scheduler", "/dev/null"), dataDir);
        }

        /** The jar with its output in a file, as a service manager or a container runs it. */
        static Run withoutTerminal(Path dataDir) throws Exception {
            var java = ProcessHandle.current().info().command().orElse("java");
            return start(List.of(java, "-jar", REPOSITORY.resolve("scheduler-bootstrap/target/store-scheduler.jar").toString()), dataDir);
        }

        private static Run start(List<String> command, Path dataDir) throws Exception {
            var port = freePort();
            var output = Files.createTempFile("scheduler-first-run", ".log");
            var builder = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            configure(builder, dataDir, port);
            return new Run(builder.start(), port, output);
        }

        /** A newcomer's environment: nothing of the service's set but the data directory and the port. */
        static void configure(ProcessBuilder builder, Path dataDir, int port) {
            var env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("SCHEDULER_"));
            env.putAll(Map.of("SCHEDULER_DATA_DIR", dataDir.toString(), "SCHEDULER_PORT", String.valueOf(port),
                    "SCHEDULER_HOST", "127.0.0.1"));
        }

        /** The lines printed so far, once one matches {@code last} and the server answers ready. */
        List<String> awaitLine(Pattern last) throws Exception {
            var deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline)) {
                var lines = lines();
                if (lines.stream().anyMatch(line -> last.matcher(line.strip()).matches()) && status("/health/ready", null) == 200) {
                    return lines;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited: " + lines);
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no line like " + last + " in time: " + lines());
        }

        /** A terminal ends its lines with CR LF. */
        List<String> lines() throws IOException {
            return Files.readString(output).lines().map(line -> line.replace("\r", "")).filter(line -> !line.isEmpty()).toList();
        }

        int status(String path, String token) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notListening) {
                return -1;
            }
        }

        /** SIGTERM to the JVM (under {@code script} and the shell script on a terminal), then the wait for all to end. */
        @Override
        public void close() throws Exception {
            var jvm = process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst()
                    .orElse(process.toHandle());
            jvm.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(output);
        }

        private static int freePort() throws IOException {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
