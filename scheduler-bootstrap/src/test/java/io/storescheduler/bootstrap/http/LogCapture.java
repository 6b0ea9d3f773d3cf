package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Every log line the process writes while open, encoded by the very encoder the service's
 * {@code logback.xml} configures for its console: what an operator's log store would receive.
 */
final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;

    @SuppressWarnings("unchecked")
    LogCapture() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var console = assertInstanceOf(OutputStreamAppender.class, root.getAppender("json"), "logback.xml's console appender");
        appender.setContext(context);
        appender.setName("capture");
        appender.setEncoder((Encoder<ILoggingEvent>) console.getEncoder());
        appender.setOutputStream(out);
        appender.start();
        root.addAppender(appender);
    }

    /** Every line so far (the appender writes each event's bytes at once, and the stream is synchronized). */
    List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * The first line, as JSON, that {@code matches}, waiting for it a while: the access log line of
     * a request is written after its answer, so it may come a moment after the client has it.
     */
    Optional<JsonNode> await(Predicate<JsonNode> matches) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            var found = lines().stream().map(LogCapture::json).filter(matches).findFirst();
            if (found.isPresent() || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(20);
        }
    }

    private static JsonNode json(String line) {
        try {
            return ApiClient.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("a log line that is not one JSON object: " + line, e);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
