package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.storescheduler.adapter.http.shared.OpenApiDocument;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Holds every exchange of the HTTP tests to the OpenAPI document: every answer must be one the
 * document lists for that route, in the schema it gives; every request the server accepted (2xx)
 * must be one the document allows. A request the document forbids may be refused, never accepted.
 */
final class OpenApiContract {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(new String(OpenApiDocument.json(), StandardCharsets.UTF_8))
            .build();

    private static final Set<String> ARRAY_PARAMETER_MISREADS = Set.of(
            "validation.request.parameter.schema.invalidJson", "validation.request.parameter.collection.invalid");

    private OpenApiContract() {}

    static void check(String method, String pathAndQuery, Map<String, String> requestHeaders, String requestBody,
            int status, HttpHeaders responseHeaders, String responseBody) {
        var request = request(method, pathAndQuery, requestHeaders, requestBody);
        var response = response(status, responseHeaders, responseBody);
        var report = status / 100 == 2
                ? VALIDATOR.validate(request, response)
                : VALIDATOR.validateResponse(request.getPath(), request.getMethod(), response);
        if (isUnknownRoute(report, status)) {
            return; // an unknown route's (or method's) 404 is checked as a problem by the test; the route set by OpenApiContractTest
        }
        var errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR && !isArrayParameterMisread(m) && !isEmptyValueMisread(m))
                .toList();
        if (!errors.isEmpty()) {
            fail(method + " " + pathAndQuery + " -> " + status + " breaks the OpenAPI document:\n"
                    + errors.stream().map(m -> "  " + m.getKey() + ": " + m.getMessage()).reduce("", (a, b) -> a + b + "\n")
                    + "request body: " + requestBody + "\nanswer: " + responseBody);
        }
    }

    /**
     * The validator reads a parameter's {@code type} in its OpenAPI 3.0 form only, so a 3.1 query
     * parameter typed {@code array} (the bookings list's {@code status}) is taken for a JSON value and
     * every use of it reported. Those false reports are dropped, for array parameters only.
     */
    private static boolean isArrayParameterMisread(ValidationReport.Message message) {
        return ARRAY_PARAMETER_MISREADS.contains(message.getKey()) && message.getContext()
                .flatMap(context -> context.getParameter())
                .map(parameter -> parameter.getSchema() != null && parameter.getSchema().getTypes() != null
                        && parameter.getSchema().getTypes().contains("array"))
                .orElse(false);
    }

    /**
     * The validator takes a query parameter sent empty ({@code ?q=}) for a missing one, and reports
     * it as a required parameter missing even where the document says {@code allowEmptyValue}.
     * Those false reports are dropped, for parameters that allow an empty value only.
     */
    private static boolean isEmptyValueMisread(ValidationReport.Message message) {
        return message.getKey().equals("validation.request.parameter.missing") && message.getContext()
                .flatMap(context -> context.getParameter())
                .map(parameter -> Boolean.TRUE.equals(parameter.getAllowEmptyValue()) && !Boolean.TRUE.equals(parameter.getRequired()))
                .orElse(false);
    }

    /** The validator's report for one exchange, for tests of this contract itself. */
    static ValidationReport report(String method, String path, String requestBody, int status, String responseBody) {
        var request = request(method, path, Map.of("Authorization", "Bearer t", "Content-Type", "application/json"), requestBody);
        var response = new SimpleResponse.Builder(status).withContentType("application/json").withBody(responseBody).build();
        return VALIDATOR.validate(request, response);
    }

    private static boolean isUnknownRoute(ValidationReport report, int status) {
        return (status == 404 || status == 405)
                && report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                        || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    private static Request request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        var split = pathAndQuery.indexOf('?');
        var builder = new SimpleRequest.Builder(method, split < 0 ? pathAndQuery : pathAndQuery.substring(0, split));
        if (split >= 0) {
            for (var pair : pathAndQuery.substring(split + 1).split("&")) {
                var equals = pair.indexOf('=');
                var name = decode(equals < 0 ? pair : pair.substring(0, equals));
                builder.withQueryParam(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        headers.forEach(builder::withHeader);
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static SimpleResponse response(int status, HttpHeaders headers, String body) {
        var builder = new SimpleResponse.Builder(status);
        headers.map().forEach((name, values) -> builder.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
