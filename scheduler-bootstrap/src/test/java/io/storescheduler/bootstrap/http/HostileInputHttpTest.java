package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.RouteCatalog.allows;
import static io.storescheduler.bootstrap.http.RouteCatalog.mainType;
import static io.storescheduler.bootstrap.http.RouteCatalog.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storescheduler.bootstrap.http.ApiClient.Answer;
import io.storescheduler.bootstrap.http.RouteCatalog.Access;
import io.storescheduler.bootstrap.http.RouteCatalog.Route;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hostile body, query parameter and path id, on every route that takes one (walked from the
 * server's routes and the OpenAPI document, so a new route is covered without an edit): each is
 * refused with a 4xx problem+json carrying a {@code code}, never a 5xx, and changes no row.
 * {@code InputHttpTest} pins the exact codes and named fields of these refusals on a few routes;
 * this test holds every route to them.
 */
class HostileInputHttpTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> MASS_ASSIGNMENT = List.of("status", "store_id", "version", "id");
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "2026-13-01", "");
    private static final List<String> BAD_PATH_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1.5");
    private static final String BAD_UTF8_MARK = "@@not-utf-8@@";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static List<Route> routes;
    private static FilledStore store;

    @BeforeAll
    static void setUp() {
        routes = RouteCatalog.of(server);
        store = FilledStore.fill(server, "2026-12-05T14:00:00+08:00");
    }

    /** One hostile request body, the content type it is sent as, and the status and code it must get (any code when null). */
    private record Hostile(String label, String contentType, byte[] body, int status, String code) {

        /**
         * Headers to send it with. An over-large body asks to continue first, as a client sending
         * one should: the server answers 413 without reading it and may close the connection, and
         * a client still writing the body would then lose the answer.
         */
        Map<String, String> headers() {
            return status == 413 ? Map.of("Expect", "100-continue") : Map.of();
        }

        static Hostile json(String label, String body, int status, String code) {
            return new Hostile(label, ApiClient.JSON_TYPE, body.getBytes(StandardCharsets.UTF_8), status, code);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_body_route_refuses_every_hostile_body_and_changes_nothing() {
        var bodyRoutes = routes.stream().filter(route -> route.bodySchema().isPresent()).toList();
        assertFalse(bodyRoutes.isEmpty(), "no route takes a body");
        return bodyRoutes.stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> {
            var base = baseBody(route);
            var hostiles = hostileBodies(route, base);
            var before = DatabaseSnapshot.whole(server);
            for (var hostile : hostiles) {
                var answer = server.api().sendBytes(route.method(), store.path(route), tokenFor(route), hostile.contentType(), hostile.body(),
                        hostile.headers());
                var code = expectRefusal(answer, hostile.status(), route + " with " + hostile.label());
                if (hostile.code() != null) {
                    assertEquals(hostile.code(), code, () -> route + " with " + hostile.label() + ": " + answer.text());
                }
            }
            assertEquals(before, DatabaseSnapshot.whole(server), route + ": a refused body changed rows");
        }));
    }

    @Test
    void every_list_route_refuses_a_malformed_query_parameter_with_400() {
        var before = DatabaseSnapshot.whole(server);
        var probed = 0;
        for (var route : routes) {
            if (!route.method().equals("GET")) {
                continue;
            }
            for (var parameter : route.queryParameters()) {
                var name = parameter.get("name").asText();
                for (var value : BAD_QUERY_VALUES) {
                    var answer = server.api().get(tokenFor(route), store.path(route) + "?" + name + "=" + value);
                    var what = route + " with " + name + "=" + value;
                    if (fits(resolve(parameter.path("schema")), value)) {
                        assertEquals(200, answer.status(), () -> what + " is allowed by the document: " + answer.text());
                    } else {
                        expectRefusal(answer, 400, what);
                    }
                    probed++;
                }
            }
        }
        assertTrue(probed > 50, "too few query parameters probed: " + probed);
        assertEquals(before, DatabaseSnapshot.whole(server), "a list changed rows");
    }

    @Test
    void every_path_id_that_is_not_an_id_is_400_or_404_on_every_route() {
        var before = DatabaseSnapshot.whole(server);
        var probed = 0;
        for (var route : routes) {
            for (var parameter : route.pathParameters()) {
                for (var bad : BAD_PATH_IDS) {
                    var path = route.path(name -> name.equals(parameter) ? bad : store.pathValue(route, name));
                    var body = route.bodySchema().isPresent() ? baseBody(route).toString() : null;
                    var answer = server.api().send(route.method(), path, server.adminToken, body == null ? null : ApiClient.JSON_TYPE, body, Map.of());
                    var what = route.method() + " " + path;
                    assertTrue(answer.status() == 400 || answer.status() == 404, () -> what + " -> " + answer.status() + " " + answer.text());
                    expectRefusal(answer, answer.status(), what);
                    probed++;
                }
            }
        }
        assertTrue(probed > 100, "too few path ids probed: " + probed);
        assertEquals(before, DatabaseSnapshot.whole(server), "a refused path id changed rows");
    }

    /** Asserts a complete problem with this status, leaking nothing; answers its code. */
    private static String expectRefusal(Answer answer, int status, String what) {
        assertEquals(status, answer.status(), () -> what + " -> " + answer.status() + " " + answer.text());
        var code = answer.json().path("code").asText();
        assertFalse(code.isBlank(), () -> what + ": a problem without a code: " + answer.text());
        answer.expectProblem(status, code);
        return code;
    }

    /** The token allowed on the route: the store's staff on its routes, the admin elsewhere. */
    private static String tokenFor(Route route) {
        return route.access() == Access.STORE ? store.token : server.adminToken;
    }

    /** A body the route would accept: its required fields, with ids of the store. */
    private static ObjectNode baseBody(Route route) {
        return SchemaBodies.required(route.bodySchema().orElseThrow(), field -> store.bodyValue(route, field));
    }

    private static List<Hostile> hostileBodies(Route route, ObjectNode base) {
        var schema = route.bodySchema().orElseThrow();
        var hostiles = new ArrayList<Hostile>();
        for (var malformed : List.of("{\"name\": ", "{,}", "not json", "", "{} {}", "{\"a\":1,\"a\":2}", "[1, 2")) {
            hostiles.add(Hostile.json("malformed JSON '" + malformed + "'", malformed, 400, "malformed_json"));
        }
        for (var notAnObject : List.of("[" + base + "]", "\"text\"", "null", "42", "true")) {
            hostiles.add(Hostile.json("a body that is not an object: " + notAnObject, notAnObject, 400, "malformed_json"));
        }
        for (var field : SchemaBodies.fields(schema)) {
            var property = SchemaBodies.property(schema, field);
            for (var bad : badValues(property)) {
                var body = base.deepCopy();
                body.set(field, bad.value());
                hostiles.add(Hostile.json(field + " = " + bad.value(), body.toString(), bad.status(), bad.code()));
            }
            hostiles.addAll(badItems(route, base, field, property));
        }
        for (var field : MASS_ASSIGNMENT) {
            if (!SchemaBodies.fields(schema).contains(field)) {
                var body = base.deepCopy();
                body.set(field, field.equals("status") ? NODES.textNode("scheduled") : NODES.numberNode(1));
                hostiles.add(Hostile.json("the field " + field + ", which the caller may not set", body.toString(), 400, "unknown_field"));
            }
        }
        var unknown = base.deepCopy().put("unexpected_field", "x");
        hostiles.add(Hostile.json("an unknown field", unknown.toString(), 400, "unknown_field"));
        hostiles.add(Hostile.json("a body over 1 MiB", base.toString().replaceFirst("}$", " ".repeat(1024 * 1024) + "}"), 413, "body_too_large"));
        hostiles.add(new Hostile("Content-Type: text/plain", "text/plain", base.toString().getBytes(StandardCharsets.UTF_8), 415,
                "unsupported_media_type"));
        hostiles.add(new Hostile("invalid UTF-8 in a string", ApiClient.JSON_TYPE, withInvalidUtf8(schema, base), 400, "malformed_json"));
        for (var huge : List.of(HostileBodies.manyItems(), HostileBodies.manyKeys(20_000), HostileBodies.deepArrays(999),
                HostileBodies.deepObjects(999), "[".repeat(999) + "]".repeat(999))) {
            hostiles.add(Hostile.json("a body huge or deep as a tree (" + huge.length() + " bytes)", huge, 400, "body_too_complex"));
        }
        hostiles.add(Hostile.json("a lone surrogate in a string", withText(schema, base, "\\ud800"), 400, "invalid_unicode"));
        return hostiles;
    }

    /** A property's value that its schema refuses, and the status and code (any when null) that refusal must have. */
    private record Bad(JsonNode value, int status, String code) {}

    private static List<Bad> badValues(JsonNode property) {
        var bad = new ArrayList<Bad>();
        var wrongTypes = Map.of("integer", (JsonNode) NODES.numberNode(42), "string", NODES.textNode("x"), "boolean", NODES.booleanNode(true),
                "array", NODES.arrayNode(), "object", NODES.objectNode(), "null", NODES.nullNode());
        wrongTypes.forEach((type, value) -> {
            if (!allows(property, type)) {
                // a required field sent as null is missing; any other null, and every other wrong type, is a wrong type
                bad.add(new Bad(value, 400, value.isNull() ? null : "invalid_type"));
            }
        });
        switch (mainType(property)) {
            case "integer" -> {
                bad.add(new Bad(NODES.numberNode(1.5), 400, "invalid_type"));
                bad.add(new Bad(NODES.numberNode(new BigDecimal("1e400")), 400, "invalid_type"));
                bad.add(new Bad(NODES.numberNode(new BigInteger("9223372036854775808")), 400, "invalid_type"));
                bad.add(new Bad(NODES.numberNode(new BigInteger("-9223372036854775809")), 400, "invalid_type"));
                if (property.has("minimum")) {
                    bad.add(new Bad(NODES.numberNode(property.get("minimum").asLong() - 1), 422, "invalid_value"));
                }
                if (property.has("maximum")) {
                    bad.add(new Bad(NODES.numberNode(property.get("maximum").asLong() + 1), 422, "invalid_value"));
                }
            }
            case "string" -> {
                if (property.path("format").asText().equals("date-time")) {
                    bad.add(new Bad(NODES.textNode("2026-02-30T10:00:00+08:00"), 400, "invalid_datetime"));
                    bad.add(new Bad(NODES.textNode("2026-12-05T14:00:00"), 400, "invalid_datetime"));
                    bad.add(new Bad(NODES.textNode("2026-12-05"), 400, "invalid_datetime"));
                }
                if (property.has("maxLength")) {
                    bad.add(new Bad(NODES.textNode("x".repeat(property.get("maxLength").asInt() + 1)), 422, "invalid_value"));
                }
                if (property.path("minLength").asInt() > 0) {
                    bad.add(new Bad(NODES.textNode(""), 422, "invalid_value"));
                }
            }
            default -> {
                // booleans and objects: the wrong types above are all their bad values
            }
        }
        return bad;
    }

    /** Bad items of an array property: each bad value of its items, or of each field of an object item. */
    private static List<Hostile> badItems(Route route, ObjectNode base, String field, JsonNode property) {
        var hostiles = new ArrayList<Hostile>();
        if (!mainType(property).equals("array")) {
            return hostiles;
        }
        var items = resolve(property.path("items"));
        if (property.has("maxItems")) {
            hostiles.add(overLong(base, field, property.get("maxItems").asInt(), mainType(items).equals("object")
                    ? SchemaBodies.required(items, name -> store.bodyValue(route, name))
                    : mainType(items).equals("string") ? NODES.textNode(items.has("enum") ? items.get("enum").get(0).asText() : "x")
                    : NODES.numberNode(1)));
        }
        if (!mainType(items).equals("object")) {
            for (var bad : badValues(items)) {
                var body = base.deepCopy();
                body.set(field, NODES.arrayNode().add(bad.value()));
                hostiles.add(Hostile.json(field + " = [" + bad.value() + "]", body.toString(), bad.status(), bad.code()));
            }
            return hostiles;
        }
        var item = SchemaBodies.required(items, name -> store.bodyValue(route, name));
        for (var itemField : SchemaBodies.fields(items)) {
            for (var bad : badValues(SchemaBodies.property(items, itemField))) {
                var body = base.deepCopy();
                body.set(field, NODES.arrayNode().add(item.deepCopy().set(itemField, bad.value())));
                hostiles.add(Hostile.json(field + "[0]." + itemField + " = " + bad.value(), body.toString(), bad.status(), bad.code()));
            }
        }
        var body = base.deepCopy();
        body.set(field, NODES.arrayNode().add(item.deepCopy().put("unexpected_field", 1)));
        hostiles.add(Hostile.json(field + "[0] with an unknown field", body.toString(), 400, "unknown_field"));
        return hostiles;
    }

    /** The base body with {@code field} an array of {@code maxItems + 1} copies of a valid item: the document's bound, one past. */
    private static Hostile overLong(ObjectNode base, String field, int maxItems, JsonNode item) {
        var body = base.deepCopy();
        var array = body.putArray(field);
        for (int i = 0; i <= maxItems; i++) {
            array.add(item.deepCopy());
        }
        return Hostile.json(field + " with " + (maxItems + 1) + " items, one past maxItems", body.toString(), 422, "invalid_value");
    }

    /** The base body with the bytes 0xC3 0x28 (not UTF-8) inside a string: one of its own, or an extra field's. */
    private static byte[] withInvalidUtf8(JsonNode schema, ObjectNode base) {
        var body = base.deepCopy();
        var stringField = SchemaBodies.fields(schema).stream()
                .filter(field -> mainType(SchemaBodies.property(schema, field)).equals("string")).findFirst().orElse("unexpected_field");
        body.put(stringField, BAD_UTF8_MARK);
        var text = body.toString();
        var split = text.indexOf(BAD_UTF8_MARK);
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, split).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'a', (byte) 0xC3, 0x28, 'b'});
        bytes.writeBytes(text.substring(split + BAD_UTF8_MARK.length()).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** The base body with {@code json} (JSON text, escapes included) as the value of one of its string fields, or of an extra field. */
    private static String withText(JsonNode schema, ObjectNode base, String json) {
        var body = base.deepCopy();
        var stringField = SchemaBodies.fields(schema).stream()
                .filter(field -> mainType(SchemaBodies.property(schema, field)).equals("string")).findFirst().orElse("unexpected_field");
        body.put(stringField, BAD_UTF8_MARK);
        return body.toString().replace(BAD_UTF8_MARK, json);
    }

    /** Whether a query parameter's value is one its schema allows (an array's values comma-separated). */
    private static boolean fits(JsonNode schema, String value) {
        return switch (mainType(schema)) {
            case "integer" -> fitsInteger(schema, value);
            case "array" -> Stream.of(value.split(",", -1)).allMatch(each -> fits(resolve(schema.path("items")), each));
            case "string" -> fitsString(schema, value);
            default -> false;
        };
    }

    private static boolean fitsInteger(JsonNode schema, String value) {
        try {
            var number = Long.parseLong(value);
            return (!schema.has("minimum") || number >= schema.get("minimum").asLong())
                    && (!schema.has("maximum") || number <= schema.get("maximum").asLong());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean fitsString(JsonNode schema, String value) {
        if (schema.path("format").asText().equals("date-time")) {
            try {
                OffsetDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        var inEnum = !schema.has("enum") || schema.get("enum").toString().contains("\"" + value + "\"");
        var matches = !schema.has("pattern") || Pattern.compile(schema.get("pattern").asText()).matcher(value).find();
        return inEnum && matches && value.length() <= schema.path("maxLength").asInt(Integer.MAX_VALUE)
                && value.length() >= schema.path("minLength").asInt(0);
    }
}
