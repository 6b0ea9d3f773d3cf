package io.storescheduler.adapter.http.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls to a bare Javalin of a fast test with the JDK client, and what a problem answer says. */
public final class HttpCalls {

    /** An answer: its status, its headers and its body as text. */
    public record Answer(int status, HttpHeaders headers, String body) {

        /** The header's first value, or empty when the answer has none. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Javalin app;

    public HttpCalls(Javalin app) {
        this.app = app;
    }

    public Answer send(String method, String path, String json, Map<String, String> headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    /** Asserts a problem+json answer of {@code status} and {@code code}, its {@code type} named by the code. */
    public static void assertProblem(Answer answer, int status, String code) throws IOException {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(Problems.CONTENT_TYPE, answer.header("Content-Type"), answer.body());
        var problem = answer.json();
        assertEquals(code, problem.path("code").asText(), answer.body());
        assertEquals("urn:store-scheduler:problem:" + code, problem.path("type").asText(), answer.body());
        assertEquals(status, problem.path("status").asInt(), answer.body());
    }

    /** The {@code field} of each of a problem's {@code errors[]}, in order. */
    public static List<String> errorFields(Answer answer) throws IOException {
        var fields = new ArrayList<String>();
        for (JsonNode error : answer.json().path("errors")) {
            fields.add(error.path("field").asText());
        }
        return fields;
    }
}
