package io.storescheduler.adapter.http.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a client generator makes of the OpenAPI document: method names, id types and class names.
 * Redocly CLI lints the rest of the document in the build (src/openapi-lint).
 */
class OpenApiNamesTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> VERBS = Set.of(
            "get", "list", "create", "update", "delete", "add", "remove", "start", "confirm", "cancel", "complete", "revoke",
            "rotate", "search", "find", "retry");
    private static final Pattern VERB_NOUN = Pattern.compile("([a-z]+)((?:[A-Z][a-z0-9]*)+)");

    private final JsonNode document = read();

    @Test
    void every_operation_has_a_unique_verb_noun_id_and_a_one_line_description() {
        var seen = new HashMap<String, String>();
        var wrong = new ArrayList<String>();
        forEachOperation((name, operation) -> {
            var id = operation.path("operationId").asText();
            var shape = VERB_NOUN.matcher(id);
            if (!shape.matches() || !VERBS.contains(shape.group(1))) {
                wrong.add(name + " has operationId '" + id + "', not a verb of " + VERBS + " and a noun");
            }
            var earlier = seen.put(id, name);
            if (earlier != null) {
                wrong.add(name + " shares its operationId with " + earlier);
            }
            var description = operation.path("description").asText();
            if (description.isBlank() || description.contains("\n")) {
                wrong.add(name + " needs a one-line description");
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void every_tag_an_operation_uses_is_declared_with_a_description() {
        var declared = new TreeSet<String>();
        document.path("tags").forEach(tag -> {
            assertFalse(tag.path("description").asText().isBlank(), "tag " + tag + " has no description");
            declared.add(tag.path("name").asText());
        });
        var used = new TreeSet<String>();
        forEachOperation((name, operation) -> operation.path("tags").forEach(tag -> used.add(tag.asText())));
        assertEquals(declared, used);
    }

    @Test
    void every_id_in_paths_filters_bodies_and_answers_is_an_int64() {
        var ids = new ArrayList<String>();
        var wrong = new ArrayList<String>();
        collectIds(document, null, "#", ids, wrong);
        assertTrue(ids.size() > 40, "the walk found only " + ids.size() + " ids: " + ids);
        assertTrue(wrong.isEmpty(), "ids that are not integer/int64:\n" + String.join("\n", wrong));
    }

    @Test
    void no_schema_is_named_like_a_java_lang_type() {
        var clashes = new ArrayList<String>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            try {
                Class.forName("java.lang." + name);
                clashes.add(name);
            } catch (ClassNotFoundException expected) {
                // no clash
            }
        });
        assertEquals(List.of(), clashes);
        assertTrue(document.path("components").path("schemas").has("ScriptCharacter"));
    }

    @Test
    void the_document_names_its_licence_and_contact() {
        assertFalse(document.path("info").path("license").path("identifier").asText().isBlank());
        assertFalse(document.path("info").path("contact").path("name").asText().isBlank());
    }

    private void forEachOperation(BiConsumer<String, JsonNode> action) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                action.accept(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue());
            }
        }));
    }

    /** Walks the document; a property or parameter named id, *_id or *_ids is an id (of an array, its items). */
    private static void collectIds(JsonNode node, String name, String where, List<String> ids, List<String> wrong) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectIds(node.get(i), null, where + "/" + i, ids, wrong);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (name != null && isIdName(name)) {
            var schema = name.endsWith("_ids") ? node.path("items") : node;
            if (!schema.has("$ref")) {
                ids.add(where);
                if (!isInteger(schema.path("type")) || !schema.path("format").asText().equals("int64")) {
                    wrong.add(where + " " + schema);
                }
            }
            return;
        }
        node.properties().forEach(field -> {
            var child = where + "/" + field.getKey();
            if (field.getKey().equals("properties")) {
                field.getValue().properties().forEach(p -> collectIds(p.getValue(), p.getKey(), child + "/" + p.getKey(), ids, wrong));
            } else if (field.getKey().equals("schema") && node.has("name") && node.has("in")) {
                collectIds(field.getValue(), node.path("name").asText(), child, ids, wrong);
            } else {
                collectIds(field.getValue(), null, child, ids, wrong);
            }
        });
    }

    /** An entity's id; request_id is the caller's opaque X-Request-Id, a string on purpose. */
    private static boolean isIdName(String name) {
        return !name.equals("request_id") && (name.equals("id") || name.endsWith("_id") || name.endsWith("_ids"));
    }

    /** integer, or integer or null. */
    private static boolean isInteger(JsonNode type) {
        if (type.isArray()) {
            var types = new TreeSet<String>();
            type.forEach(t -> types.add(t.asText()));
            return types.equals(new TreeSet<>(Set.of("integer", "null")));
        }
        return type.asText().equals("integer");
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(OpenApiDocument.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
