package io.storescheduler.adapter.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.storescheduler.application.shared.PageRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a request into values the use cases take, refusing anything malformed with a problem that
 * names the field: 400 for what is not well-formed (bad JSON, wrong type, missing field, unknown
 * field, bad parameter), 422 for well-formed values out of their bounds.
 */
public final class Requests {

    public static final long MAX_BODY_BYTES = 1024 * 1024;
    static final long MIN_BODY_BYTES_PER_SECOND = 4096;
    static final Duration BODY_GRACE = Duration.ofSeconds(5);
    private static final String RAW_BODY = Requests.class.getName() + ".rawBody";

    private final ObjectMapper mapper;
    private final Validator validator;

    public Requests(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The JSON body as {@code type}, validated by its constraints. */
    public <T> T body(Context ctx, Class<T> type) {
        var node = objectBody(ctx);
        refuseNullFlagsAndLists(node, type, "");
        return validated(read(node, type));
    }

    /**
     * A flag, a count or a list left out takes its default, but none may be sent as null: the document
     * does not let them be null, and {@code "active": null} read as the default would let a mistake pass.
     */
    private static void refuseNullFlagsAndLists(JsonNode node, Class<?> type, String path) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        for (var component : type.getRecordComponents()) {
            var field = snake(component.getName());
            var where = path.isEmpty() ? field : path + "." + field;
            var value = node.path(field);
            if (value.isNull() && (component.getType() == Boolean.class || component.getType() == Integer.class
                    || Collection.class.isAssignableFrom(component.getType()))) {
                throw ApiProblem.badRequest("invalid_type", where, "field '" + where + "' cannot be null");
            }
            if (value.isArray() && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> item) {
                for (int i = 0; i < value.size(); i++) {
                    refuseNullFlagsAndLists(value.get(i), item, where + "[" + i + "]");
                }
            }
        }
    }

    /**
     * A partial update's body as {@code type}, whose fields are all optional: bounds are checked on
     * the fields present, and the answer knows which are. A field present as {@code null} clears
     * it when it is among {@code clearable}, and is a 400 otherwise.
     */
    public <T> Patch<T> patch(Context ctx, Class<T> type, Set<String> clearable) {
        var node = objectBody(ctx);
        var value = read(node, type);
        var fields = new HashSet<String>();
        node.properties().forEach(entry -> {
            if (entry.getValue().isNull() && !clearable.contains(entry.getKey())) {
                throw ApiProblem.badRequest("invalid_type", entry.getKey(), "field '" + entry.getKey() + "' cannot be null");
            }
            fields.add(entry.getKey());
        });
        return new Patch<>(validated(value), fields);
    }

    private <T> T read(ObjectNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw fromJackson(e);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid_body", "the body does not fit this route");
        }
    }

    public <T> T validated(T value) {
        var violations = validator.validate(value);
        if (violations.isEmpty()) {
            return value;
        }
        var sorted = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        var missing = sorted.stream().filter(Requests::isMissing).toList();
        if (!missing.isEmpty()) {
            throw new ApiProblem(400, "missing_field", "required fields are missing", errors(missing));
        }
        throw new ApiProblem(422, "invalid_value", "some values are out of bounds", errors(sorted));
    }

    public long pathId(Context ctx, String name) {
        var raw = ctx.pathParam(name);
        try {
            var id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below like any id that is not in this store
        }
        throw ApiProblem.notFound("no " + name.replace("_id", "").replace('_', ' ') + " '" + raw + "'");
    }

    public PageRequest page(Context ctx) {
        var limit = intParam(ctx, "limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        var offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        return new PageRequest(limit, offset);
    }

    /** The version an {@code If-Match} header asks for: {@code "3"}, {@code W/"3"} or {@code 3}. */
    public OptionalLong ifMatch(Context ctx) {
        var header = ctx.header("If-Match");
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        var tag = header.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid_if_match", "If-Match", "If-Match must be a version ETag such as \"3\"");
        }
    }

    public int intParam(Context ctx, String name, int fallback, int min, int max) {
        var raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            var value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("invalid_parameter", name, name + " must be a whole number from " + min + " to " + max);
    }

    private ObjectNode objectBody(Context ctx) {
        requireJson(ctx);
        JsonNode node;
        try {
            node = mapper.readTree(rawBody(ctx));
        } catch (StreamConstraintsException e) {
            throw ApiProblem.badRequest("body_too_complex", Json.limitExceeded(e));
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed_json", "the body is not valid JSON" + where(e));
        } catch (IOException e) {
            throw ApiProblem.badRequest("malformed_json", "the body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("malformed_json", "the body must be a JSON object");
        }
        refuseUnstorableText(node, "");
        return (ObjectNode) node;
    }

    /** Where a body stops being JSON; Jackson's own message is not quoted, as it names its classes and features. */
    private static String where(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Text PostgreSQL or the answer could not carry as it came: U+0000, which {@code text} cannot
     * hold (a 422 naming the field), and a lone UTF-16 surrogate, which no UTF-8 can encode (a 400).
     * The walk is as deep as the body, at most {@link Json#MAX_NESTING_DEPTH} levels.
     */
    private static void refuseUnstorableText(JsonNode node, String path) {
        if (node.isTextual()) {
            refuseUnstorableText(node.textValue(), path);
        } else if (node.isObject()) {
            node.properties().forEach(entry -> {
                var field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (Text.hasLoneSurrogate(entry.getKey())) {
                    throw ApiProblem.badRequest("invalid_unicode", path, "a field name holds a lone UTF-16 surrogate");
                }
                refuseUnstorableText(entry.getValue(), field);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseUnstorableText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void refuseUnstorableText(String text, String path) {
        if (Text.hasLoneSurrogate(text)) {
            throw ApiProblem.badRequest("invalid_unicode", path, path + " holds a lone UTF-16 surrogate, which is not a character");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new ApiProblem(422, "invalid_value", path + " contains a NUL character",
                    List.of(Map.of("field", path, "message", "must not contain a NUL character")));
        }
    }

    /** Which start times a list asks for: {@code [from, to)}, either bound open when absent. */
    public record TimeWindow(Instant from, Instant to) {}

    /** The {@code from} and {@code to} query parameters of a store in {@code zone}: datetimes with an offset, {@code from} not after {@code to}. */
    public TimeWindow window(Context ctx, ZoneId zone) {
        var from = datetimeParam(ctx, "from", zone);
        var to = datetimeParam(ctx, "to", zone);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest("invalid_parameter", "from", "from must not be after to");
        }
        return new TimeWindow(from, to);
    }

    /**
     * A datetime query parameter, or null when absent. An offset's {@code +} sent unencoded arrives
     * as a space (form decoding), so the refusal then says to send it as {@code %2B}.
     */
    public Instant datetimeParam(Context ctx, String name, ZoneId zone) {
        var value = ctx.queryParam(name);
        if (value != null && value.contains(" ")) {
            throw ApiProblem.badRequest("invalid_datetime", name, name + " holds a space: send the + of an offset as %2B, e.g. "
                    + name + "=2026-12-05T14:00:00%2B08:00");
        }
        return value == null ? null : Times.parse(name, value, zone);
    }

    /** An id query parameter, or null when absent; anything but a positive whole number is a 400. */
    public Long idParam(Context ctx, String name) {
        var raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        try {
            var id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("invalid_parameter", name, name + " must be a positive whole number");
    }

    /** A text query parameter of at most {@code maxLength} characters, or null when absent. */
    public String textParam(Context ctx, String name, int maxLength) {
        var value = ctx.queryParam(name);
        if (value != null && (value.length() > maxLength || value.indexOf('\u0000') >= 0)) {
            throw ApiProblem.badRequest("invalid_parameter", name, name + " is text of at most " + maxLength + " characters");
        }
        return value;
    }

    /**
     * The body's bytes (at most 1 MiB), read once and kept for the rest of the request: the
     * idempotency check and the parser both look at them.
     */
    public byte[] rawBody(Context ctx) {
        byte[] kept = ctx.attribute(RAW_BODY);
        if (kept == null) {
            try {
                kept = readBody(ctx);
            } catch (IOException e) {
                throw ApiProblem.badRequest("malformed_json", "the body could not be read");
            }
            ctx.attribute(RAW_BODY, kept);
        }
        return kept;
    }

    private static byte[] readBody(Context ctx) throws IOException {
        var length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        var started = System.nanoTime();
        var body = new ByteArrayOutputStream();
        var chunk = new byte[16 * 1024];
        try (var in = ctx.req().getInputStream()) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                body.write(chunk, 0, read);
                if (body.size() > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
                refuseTrickle(body.size(), System.nanoTime() - started);
            }
        }
        return body.toByteArray();
    }

    /**
     * Reading a body holds a thread, so one sent a byte a second would hold it for days: past a
     * grace of {@link #BODY_GRACE}, the body must keep up {@link #MIN_BODY_BYTES_PER_SECOND} on
     * average, or the request ends with a 408. (Jetty's own minimum rate has no grace, and cuts
     * off small bodies on a busy machine.) A body that stops altogether meets Jetty's idle timeout.
     */
    private static void refuseTrickle(long bytes, long elapsedNanos) {
        var late = elapsedNanos - BODY_GRACE.toNanos();
        if (late > 0 && bytes < MIN_BODY_BYTES_PER_SECOND * late / 1_000_000_000L) {
            throw new ApiProblem(408, "request_timeout", "the body arrived slower than " + MIN_BODY_BYTES_PER_SECOND
                    + " bytes a second", List.of());
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(413, "body_too_large", "the body is larger than 1 MiB", List.of());
    }

    private static void requireJson(Context ctx) {
        var type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            throw new ApiProblem(415, "unsupported_media_type", "send the body as application/json", List.of());
        }
    }

    private static ApiProblem fromJackson(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return ApiProblem.badRequest("malformed_json", "the body is not valid JSON");
        }
        var field = fieldOf(mapping);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ApiProblem.badRequest("unknown_field", field, "field '" + unknown.getPropertyName() + "' is not accepted here");
        }
        // a wrong type, or a number too large for its field
        return ApiProblem.badRequest("invalid_type", field, "field '" + field + "' has the wrong type or is out of range");
    }

    private static String fieldOf(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean isMissing(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof NotNull;
    }

    private static List<Map<String, String>> errors(List<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> Map.of("field", snake(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
    }

    private static String snake(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
