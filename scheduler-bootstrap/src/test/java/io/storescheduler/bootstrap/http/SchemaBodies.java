package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.RouteCatalog.mainType;
import static io.storescheduler.bootstrap.http.RouteCatalog.resolve;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Request bodies made from the OpenAPI document's schemas. */
final class SchemaBodies {

    private SchemaBodies() {}

    /**
     * A body of the schema's required properties only: each from {@code known} (by field name) when
     * it has a value, else the smallest value the schema allows.
     */
    static ObjectNode required(JsonNode schema, Function<String, Object> known) {
        var body = ApiClient.JSON.createObjectNode();
        schema = resolve(schema);
        for (var field : requiredFields(schema)) {
            body.set(field, value(schema.path("properties").path(field), field, known));
        }
        return body;
    }

    /** A value for {@code field}: from {@code known} when it has one, else the smallest the schema allows. */
    static JsonNode value(JsonNode schema, String field, Function<String, Object> known) {
        var given = known.apply(field);
        if (given != null) {
            return ApiClient.JSON.valueToTree(given);
        }
        schema = resolve(schema);
        var json = ApiClient.JSON;
        return switch (mainType(schema)) {
            case "string" -> json.getNodeFactory().textNode("v".repeat(Math.max(1, schema.path("minLength").asInt(1))));
            case "integer" -> json.getNodeFactory().numberNode(schema.path("minimum").asLong(1));
            case "boolean" -> json.getNodeFactory().booleanNode(false);
            case "array" -> {
                var array = json.createArrayNode();
                for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
                    array.add(value(schema.path("items"), field, known));
                }
                yield array;
            }
            case "object" -> required(schema, known);
            default -> fail("cannot make a value of " + schema + " for " + field);
        };
    }

    /** The names of a schema's properties, in the document's order. */
    static List<String> fields(JsonNode schema) {
        var names = new ArrayList<String>();
        resolve(schema).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> requiredFields(JsonNode schema) {
        var names = new ArrayList<String>();
        resolve(schema).path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The schema of one property, resolved. */
    static JsonNode property(JsonNode schema, String field) {
        return resolve(resolve(schema).path("properties").path(field));
    }
}
