package io.storescheduler.adapter.http.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Text PostgreSQL or the answer could not carry as it came: U+0000, which {@code text} cannot
 * hold (a 422 naming the field), and a lone UTF-16 surrogate, which no UTF-8 can encode (a 400).
 */
final class StorableText {

    private StorableText() {}

    /** Every name and string of a body; the walk is as deep as the body, at most {@link Json#MAX_NESTING_DEPTH} levels. */
    static void check(JsonNode body) {
        check(body, "");
    }

    private static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            check(node.textValue(), path);
        } else if (node.isObject()) {
            node.properties().forEach(entry -> {
                var field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (Text.hasLoneSurrogate(entry.getKey())) {
                    throw ApiProblem.badRequest("invalid_unicode", path, "a field name holds a lone UTF-16 surrogate");
                }
                check(entry.getValue(), field);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void check(String text, String path) {
        if (Text.hasLoneSurrogate(text)) {
            throw ApiProblem.badRequest("invalid_unicode", path, path + " holds a lone UTF-16 surrogate, which is not a character");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new ApiProblem(422, "invalid_value", path + " contains a NUL character",
                    List.of(Map.of("field", path, "message", "must not contain a NUL character")));
        }
    }
}
