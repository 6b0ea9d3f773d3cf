package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ical.js, the iCalendar parser of Mozilla's calendar apps, as a second reader of the feeds that
 * shares nothing with ical4j: installed once with the machine's npm into {@code target/ical-js}
 * at a pinned version, and run with node on {@code calendars/read-ics.mjs}.
 */
final class IcalJs {

    static final String VERSION = "2.2.1";
    private static final Path HOME = Path.of("target", "ical-js").toAbsolutePath();

    private IcalJs() {}

    /** What ical.js reads in each file: {@code [{file, zones, events: [{uid, sequence, summary, location, status, start, end, start_zone}]}]}. */
    static JsonNode read(List<Path> files) {
        install();
        var command = new ArrayList<>(List.of("node", HOME.resolve("read-ics.mjs").toString()));
        files.forEach(file -> command.add(file.toAbsolutePath().toString()));
        return ApiClient.JSON.valueToTree(parse(run(command)));
    }

    private static synchronized void install() {
        try {
            Files.createDirectories(HOME);
            try (InputStream script = IcalJs.class.getResourceAsStream("/calendars/read-ics.mjs")) {
                Files.copy(script, HOME.resolve("read-ics.mjs"), StandardCopyOption.REPLACE_EXISTING);
            }
            var installed = HOME.resolve("node_modules/ical.js/package.json");
            if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"" + VERSION + "\"")) {
                run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", HOME.toString(), "ical.js@" + VERSION));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object parse(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("ical.js printed no JSON: " + json, e);
        }
    }

    private static String run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(false).start();
            var errors = new StringBuilder();
            var stderr = Thread.ofVirtual().start(() -> errors.append(read(process.getErrorStream())));
            var output = read(process.getInputStream());
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end");
            }
            stderr.join();
            assertEquals(0, process.exitValue(), () -> command + " failed (node and npm are needed on the PATH): " + errors);
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": node and npm are needed on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
