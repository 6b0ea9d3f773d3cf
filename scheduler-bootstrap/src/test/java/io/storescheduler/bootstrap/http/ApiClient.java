package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Talks to the running server over real HTTP: a bearer token, a JSON body, and the answer's
 * status, headers and body. A body given as a {@code String} is sent as it is (for malformed
 * input); anything else is written as JSON.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** One answer: status, headers and the body, readable as JSON. */
    record Answer(int status, HttpHeaders headers, String text) {

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new AssertionError("the answer is not JSON: " + text, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Asserts the status, and answers the body as JSON. */
        JsonNode expect(int expected) {
            assertEquals(expected, status, () -> "unexpected status; body: " + text);
            return json();
        }

        /**
         * Asserts an RFC 9457 problem with this status and code, complete and leaking nothing of
         * the server's insides; answers its body.
         */
        JsonNode expectProblem(int expectedStatus, String expectedCode) {
            assertEquals(expectedStatus, status, () -> "unexpected status; body: " + text);
            assertEquals("application/problem+json", header("Content-Type"), () -> "content type of: " + text);
            var body = json();
            for (var field : new String[] {"type", "title", "detail", "code"}) {
                assertTrue(body.path(field).isTextual() && !body.path(field).asText().isBlank(),
                        () -> "problem without " + field + ": " + text);
            }
            assertEquals(expectedStatus, body.path("status").asInt(), () -> "problem status in: " + text);
            assertEquals(expectedCode, body.path("code").asText(), () -> "problem code in: " + text);
            for (var leak : new String[] {"Exception", "SQL", "jooq", "org.postgresql", "\tat ", "at io.", "at java."}) {
                assertFalse(text.contains(leak), () -> "problem leaks '" + leak + "': " + text);
            }
            return body;
        }
    }

    /** A JSON object from alternating names and values; values may be null, lists or nodes. */
    static ObjectNode object(Object... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node;
    }

    Answer get(String token, String path) {
        return send("GET", path, token, null, null, Map.of());
    }

    Answer post(String token, String path, Object body) {
        return send("POST", path, token, JSON_TYPE, text(body), Map.of());
    }

    Answer post(String token, String path, Object body, Map<String, String> headers) {
        return send("POST", path, token, JSON_TYPE, text(body), headers);
    }

    Answer patch(String token, String path, Object body) {
        return send("PATCH", path, token, JSON_TYPE, text(body), Map.of());
    }

    Answer patch(String token, String path, Object body, Map<String, String> headers) {
        return send("PATCH", path, token, JSON_TYPE, text(body), headers);
    }

    Answer delete(String token, String path) {
        return send("DELETE", path, token, null, null, Map.of());
    }

    Answer delete(String token, String path, Map<String, String> headers) {
        return send("DELETE", path, token, null, null, headers);
    }

    /** Any request; a null token sends no Authorization, a null content type none either. */
    Answer send(String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        return sendBytes(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Any request with a body of raw bytes, e.g. bytes that are not UTF-8. */
    Answer sendBytes(String method, String path, String token, String contentType, byte[] bytes, Map<String, String> headers) {
        var body = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, bytes == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(bytes));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Expect") && value.equals("100-continue")) {
                request.expectContinue(true); // the client may not set this header itself
            } else {
                request.header(name, value);
            }
        });
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            var sent = new java.util.HashMap<>(headers);
            if (token != null) {
                sent.put("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                sent.put("Content-Type", contentType);
            }
            OpenApiContract.check(method, path, sent, body, response.statusCode(), response.headers(), response.body());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String text(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + body, e);
        }
    }
}
