package io.storescheduler.adapter.http.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.storescheduler.application.shared.UseCaseFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json} answers. Nothing
 * of an unexpected exception reaches the client: it is logged, and the client gets a bare 500.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void handle(Exception exception, Context ctx) {
        switch (exception) {
            case RateLimited limited -> {
                ctx.header("Retry-After", limited.retryAfter());
                ctx.header("RateLimit-Policy", limited.policyField());
                ctx.header("RateLimit", limited.limitField());
                write(ctx, 429, "rate_limited", limited.getMessage(), Map.of());
            }
            case ApiProblem problem -> write(ctx, problem.status(), problem.code(), problem.getMessage(), withErrors(problem.errors()));
            case UseCaseFailure failure -> write(ctx, statusOf(failure.kind()), failure.code(), failure.getMessage(), extraOf(failure));
            case HttpResponseException http -> write(ctx, http.getStatus(), codeOf(http.getStatus()), http.getMessage(), Map.of());
            default -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), exception);
                write(ctx, 500, "internal_error", "the server failed to answer this request", Map.of());
            }
        }
    }

    public void write(Context ctx, int status, String code, String detail, Map<String, Object> extra) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "urn:store-scheduler:problem:" + code);
        body.put("title", HttpStatus.forStatus(status).getMessage());
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        body.putAll(extra);
        var requestId = RequestIds.of(ctx);
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        if (status == 503) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(mapper.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem body is plain maps and strings", e);
        }
    }

    private static int statusOf(UseCaseFailure.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case FORBIDDEN -> 403;
            case STALE -> 412;
            case UNAVAILABLE -> 503;
        };
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 413 -> "body_too_large";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            default -> "http_" + status;
        };
    }

    private static Map<String, Object> withErrors(List<Map<String, String>> errors) {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }

    private static Map<String, Object> extraOf(UseCaseFailure failure) {
        var extra = new LinkedHashMap<String, Object>(failure.details());
        extra.putAll(withFieldErrors(failure.errors()));
        return extra;
    }

    private static Map<String, Object> withFieldErrors(List<UseCaseFailure.FieldError> errors) {
        return withErrors(errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }
}
