package io.storescheduler.adapter.http.shared;

import io.javalin.http.Context;
import java.util.OptionalLong;

/** The version a write's {@code If-Match} header asks for, when it asks for one. */
public final class IfMatch {

    private IfMatch() {}

    /** {@code "3"}, {@code W/"3"} or {@code 3}; absent, blank or {@code *} asks for none. */
    public static OptionalLong version(Context ctx) {
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
}
