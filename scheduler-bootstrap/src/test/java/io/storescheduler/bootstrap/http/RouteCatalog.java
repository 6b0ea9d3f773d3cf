package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.storescheduler.adapter.http.shared.OpenApiDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every route the server registers, joined with what the OpenAPI document says of it, and sorted
 * into who may call it. Tests that walk this list cover a route added tomorrow without an edit;
 * a route they cannot sort fails them, saying what to do.
 *
 * <p>Who may call a route is read from the document: {@code security: []} is public; a route
 * secured by {@code calendarKey} is read with the key in its URL, no bearer token; a summary
 * ending in {@code (admin)} is an admin route; a path under {@code /stores/{store_id}} is a store
 * route; the few routes any actor may call, each answering what that actor may see, are listed
 * here by name.
 */
final class RouteCatalog {

    /** Who may call a route. */
    enum Access {
        PUBLIC, ADMIN, STORE, ANY_ACTOR, CALENDAR_KEY;

        /** Whether the route wants a bearer token (and so answers 401 without one). */
        boolean takesToken() {
            return this != PUBLIC && this != CALENDAR_KEY;
        }
    }

    static final JsonNode DOCUMENT = readDocument();

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ANY_ACTOR = Set.of("GET /api/v1/stores");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private RouteCatalog() {}

    /** One route: its method, its path template, the document's operation for it, and who may call it. */
    record Route(String method, String path, JsonNode operation, Access access) {

        /** The path's parameter names, in order: {@code [store_id, booking_id]}. */
        List<String> pathParameters() {
            var names = new ArrayList<String>();
            var matcher = PARAMETER.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** The schema of the JSON body the route takes, resolved, if it takes one. */
        Optional<JsonNode> bodySchema() {
            var schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? Optional.empty() : Optional.of(resolve(schema));
        }

        /** The documented query parameters, resolved. */
        List<JsonNode> queryParameters() {
            var parameters = new ArrayList<JsonNode>();
            operation.path("parameters").forEach(p -> {
                var parameter = resolve(p);
                if (parameter.path("in").asText().equals("query")) {
                    parameters.add(parameter);
                }
            });
            return parameters;
        }

        /** The statuses the document lists for this route. */
        Set<Integer> statuses() {
            var statuses = new TreeSet<Integer>();
            operation.path("responses").fieldNames().forEachRemaining(status -> statuses.add(Integer.valueOf(status)));
            return statuses;
        }

        boolean isStoreScoped() {
            return pathParameters().contains("store_id");
        }

        /** The path with every parameter replaced by what {@code values} gives for its name. */
        String path(java.util.function.Function<String, String> values) {
            var result = path;
            for (var name : pathParameters()) {
                result = result.replace("{" + name + "}", values.apply(name));
            }
            return result;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every route the server registers with an HTTP method an API uses, each with its documented operation. */
    static List<Route> of(TestServer server) {
        var routes = new ArrayList<Route>();
        for (var registered : server.routes()) {
            var split = registered.indexOf(' ');
            var method = registered.substring(0, split);
            if (!METHODS.contains(method)) {
                continue;
            }
            var path = registered.substring(split + 1);
            var operation = DOCUMENT.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                fail("cannot classify " + registered + ": the OpenAPI document does not describe it; document it in openapi.json");
            }
            routes.add(new Route(method, path, operation, access(registered, path, operation)));
        }
        if (routes.isEmpty()) {
            fail("the server registers no routes");
        }
        return routes;
    }

    private static Access access(String route, String path, JsonNode operation) {
        if (operation.has("security") && operation.get("security").isEmpty()) {
            return Access.PUBLIC;
        }
        if (operation.path("security").findValue("calendarKey") != null) {
            return Access.CALENDAR_KEY;
        }
        if (operation.path("summary").asText().endsWith("(admin)")) {
            return Access.ADMIN;
        }
        if (path.contains("{store_id}")) {
            return Access.STORE;
        }
        if (ANY_ACTOR.contains(route)) {
            return Access.ANY_ACTOR;
        }
        return fail("cannot classify " + route + " as public, admin or store route: end its summary in '(admin)', "
                + "give it security: [], put it under /stores/{store_id}, or list it in RouteCatalog.ANY_ACTOR");
    }

    /** A node with its {@code $ref} followed, within the document. */
    static JsonNode resolve(JsonNode node) {
        var seen = 0;
        while (node.has("$ref")) {
            var pointer = node.get("$ref").asText();
            if (!pointer.startsWith("#") || ++seen > 20) {
                fail("cannot follow " + pointer);
            }
            node = DOCUMENT.at(pointer.substring(1));
        }
        return node;
    }

    /** Whether a schema's {@code type} (a name or a list of names) allows {@code name}. */
    static boolean allows(JsonNode schema, String name) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var each : type) {
                if (each.asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals(name);
    }

    /** A schema's main type: the first of its types that is not {@code null}. */
    static String mainType(JsonNode schema) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        return type.asText();
    }

    private static JsonNode readDocument() {
        try {
            return ApiClient.JSON.readTree(OpenApiDocument.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
