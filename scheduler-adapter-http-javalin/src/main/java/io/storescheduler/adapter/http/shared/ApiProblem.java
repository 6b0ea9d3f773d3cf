package io.storescheduler.adapter.http.shared;

import java.util.List;
import java.util.Map;

/**
 * A refusal decided in the HTTP adapter itself (bad JSON, a bad parameter, a missing token), with
 * the status it answers. Thrown from request parsing and mapped to problem+json with the rest.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<Map<String, String>> errors;

    public ApiProblem(int status, String code, String detail, List<Map<String, String>> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badRequest(String code, String field, String message) {
        return new ApiProblem(400, code, message, List.of(Map.of("field", field, "message", message)));
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(400, code, detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not_found", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}
