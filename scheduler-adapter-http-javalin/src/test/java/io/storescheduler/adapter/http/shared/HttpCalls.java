package io.storescheduler.adapter.http.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import jakarta.validation.Validation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * A bare Javalin of a fast test, on a free port with only the routes under test and the problem
 * mapping; calls to it with the JDK client, and what a problem answer says.
 */
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
    /** Past this, a body waits for the server's 100 Continue, as curl's does past 1 MiB. */
    private static final int EXPECT_CONTINUE_ABOVE = 64 * 1024;
    // HTTP/1.1, as the bootstrap's ApiClient sends, not the default client's h2c upgrade offers
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Javalin app;

    private HttpCalls(Javalin app) {
        this.app = app;
    }

    /** Starts a server with {@code routes}, every exception answered by {@link Problems} as the API does. */
    public static HttpCalls serve(Consumer<RoutesConfig> routes) {
        var problems = new Problems(MAPPER);
        return new HttpCalls(Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            routes.accept(config.routes);
            config.routes.exception(Exception.class, problems::handle);
        }).start("127.0.0.1", 0));
    }

    /** Body reading as the API does it: the shared mapper, Bean Validation without an EL interpolator. */
    public static JsonBodies bodies() {
        var validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        return new JsonBodies(MAPPER, new Constraints(validator));
    }

    public void stop() {
        app.stop();
    }

    /** Sends {@code json} (none when null) as {@code application/json}, unless {@code headers} name another type. */
    public Answer send(String method, String path, String json, Map<String, String> headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                // a body the server refuses on its declared length is then never sent: sent at once, the
                // server's close with the body unread reset the connection and lost the 413 now and then
                .expectContinue(json != null && json.length() > EXPECT_CONTINUE_ABOVE);
        headers.forEach(request::setHeader);
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
