package io.storescheduler.adapter.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request's JSON body read into the record a route takes, within the JSON limits of
 * {@link Json}, refusing anything malformed with a problem that names the field: 415 for another
 * media type, 400 for what is not well-formed (bad JSON, wrong type, missing or unknown field),
 * 422 for well-formed values out of their bounds ({@link Constraints}).
 */
public record JsonBodies(ObjectMapper mapper, Constraints constraints) {

    /** The JSON body as {@code type}, validated by its constraints. */
    public <T> T body(Context ctx, Class<T> type) {
        var node = objectBody(ctx);
        refuseNullFlagsAndLists(node, type, "");
        return constraints.validated(read(node, type));
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
        return new Patch<>(constraints.validated(value), fields);
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
            var field = Json.fieldName(component.getName());
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

    private <T> T read(ObjectNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw fromJackson(e);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid_body", "the body does not fit this route");
        }
    }

    private ObjectNode objectBody(Context ctx) {
        requireJson(ctx);
        JsonNode node;
        try {
            node = mapper.readTree(RequestBody.bytes(ctx));
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
        StorableText.check(node);
        return (ObjectNode) node;
    }

    /** Where a body stops being JSON; Jackson's own message is not quoted, as it names its classes and features. */
    private static String where(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
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
}
