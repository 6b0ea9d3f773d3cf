package io.storescheduler.adapter.http.shared;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3.1 document and its page for people, both kept beside the code as resources
 * ({@code openapi/openapi.json}, {@code openapi/docs.html}). Tests hold the document and the
 * server to each other, so neither can drift.
 */
public final class OpenApiDocument {

    public static final String JSON_PATH = "/api/v1/openapi.json";
    public static final String DOCS_PATH = "/api/v1/docs";

    private OpenApiDocument() {}

    public static byte[] json() {
        return resource("openapi/openapi.json");
    }

    public static byte[] docsPage() {
        return resource("openapi/docs.html");
    }

    private static byte[] resource(String name) {
        try (var in = OpenApiDocument.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the HTTP adapter's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
