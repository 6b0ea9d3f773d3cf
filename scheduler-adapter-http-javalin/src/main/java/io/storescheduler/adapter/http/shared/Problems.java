package io.storescheduler.adapter.http.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.UseCaseFailure;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json} answers. Nothing
 * of an unexpected exception reaches the client: it is logged, and the client gets a bare 500.
 */
public record Problems(ObjectMapper mapper) {

    public static final String CONTENT_TYPE = "application/problem+json";
    /** Answers are about one caller's data at one moment: no cache keeps them, no browser guesses their type. */
    public static final String CACHE_CONTROL = "no-store";
    public static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    public void handle(Exception exception, Context ctx) {
        switch (exception) {
            case RateLimited limited -> {
                ctx.header("Retry-After", limited.retryAfter());
                ctx.header("RateLimit-Policy", limited.policyField());
                ctx.header("RateLimit", limited.limitField());
                write(ctx, 429, "rate_limited", limited.getMessage(), Map.of());
            }
            case ApiProblem problem -> write(ctx, problem.status(), problem.code(), problem.getMessage(), withErrors(problem.errors()));
            case UseCaseFailure failure -> write(ctx, statusOf(failure.kind()), failure.code(), failure.getMessage(),
                    extraOf(failure.details(), failure.errors()));
            case MethodNotAllowedResponse notAllowed -> notAllowed(ctx, notAllowed);
            case HttpResponseException http -> write(ctx, http.getStatus(), codeOf(http.getStatus()), detailOf(http.getStatus()), Map.of());
            // Jetty's refusal while a route reads the body, e.g. a 408 for one arriving below the minimum rate
            case HttpException.RuntimeException jetty -> write(ctx, jetty.getCode(), codeOf(jetty.getCode()), detailOf(jetty.getCode()), Map.of());
            default -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), exception);
                write(ctx, 500, "internal_error", "the server failed to answer this request", Map.of());
            }
        }
    }

    public void refuse(Context ctx, Refusal refusal) {
        write(ctx, statusOf(refusal.kind()), refusal.code(), refusal.detail(), extraOf(refusal.details(), refusal.errors()));
    }

    public void write(Context ctx, int status, String code, String detail, Map<String, Object> extra) {
        var body = body(status, code, detail, RequestIds.of(ctx));
        body.putAll(extra);
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

    /** The fields of every problem; {@code requestId} is left out when null. */
    public static Map<String, Object> body(int status, String code, String detail, String requestId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "urn:store-scheduler:problem:" + code);
        body.put("title", HttpStatus.forStatus(status).getMessage());
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        return body;
    }

    /**
     * A known path asked with a method it has no route for: 405 with the methods it has in
     * {@code Allow}, which Javalin gives as the one value of the exception's details.
     */
    private void notAllowed(Context ctx, MethodNotAllowedResponse notAllowed) {
        var allowed = String.join(", ", notAllowed.getDetails().values().stream()
                .flatMap(methods -> Arrays.stream(methods.split(",")))
                .map(String::trim)
                .filter(method -> !method.isEmpty())
                .toList());
        ctx.header("Allow", allowed);
        methodNotAllowed(ctx);
    }

    /** The 405 problem, naming the methods the path answers when {@code Allow} is set. */
    public void methodNotAllowed(Context ctx) {
        var allowed = ctx.res().getHeader("Allow");
        write(ctx, 405, "method_not_allowed", "no route " + ctx.req().getMethod() + " " + ctx.path()
                + (allowed == null ? "" : "; this path answers " + allowed), Map.of());
    }

    private static int statusOf(Refusal.Kind kind) {
        return statusOf(UseCaseFailure.Kind.valueOf(kind.name()));
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

    /** The code of a refusal made by Javalin or Jetty themselves, before a route decided anything. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> "http_" + status;
        };
    }

    /** Its detail, in words of our own: Javalin's and Jetty's reasons can name their classes. */
    public static String detailOf(int status) {
        return switch (status) {
            case 400 -> "the request is not well-formed HTTP (request line, URI or headers)";
            case 404 -> "no such route";
            case 405 -> "this path has no route for the method";
            case 408 -> "the request did not arrive in time: its headers or body came too slowly";
            case 413 -> "the body is larger than 1 MiB";
            case 414 -> "the request's URI is longer than the server reads";
            case 431 -> "the request's headers are larger than the server reads";
            default -> HttpStatus.forStatus(status).getMessage();
        };
    }

    private static Map<String, Object> withErrors(List<Map<String, String>> errors) {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }

    /** A refusal's own members first, then its {@code errors[]}. */
    private static Map<String, Object> extraOf(Map<String, Object> details, List<Refusal.FieldError> errors) {
        var extra = new LinkedHashMap<String, Object>(details);
        extra.putAll(withErrors(errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList()));
        return extra;
    }
}
