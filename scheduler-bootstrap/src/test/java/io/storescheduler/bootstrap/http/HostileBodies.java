package io.storescheduler.bootstrap.http;

/**
 * Bodies small in bytes (well under the 1 MiB limit) that are huge or deep as JSON trees: what a
 * parser building the whole tree first would spend its heap or its stack on.
 */
final class HostileBodies {

    private HostileBodies() {}

    /** {@code {"name":[{},{},...]}}: 300,000 empty objects in about 900 KB. */
    static String manyItems() {
        return "{\"name\":[" + "{},".repeat(299_999) + "{}]}";
    }

    /** {@code {"name":[[[...]]]}} nested {@code depth} arrays deep. */
    static String deepArrays(int depth) {
        return "{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** {@code {"name":{"a":{"a":...}}}} nested {@code depth} objects deep. */
    static String deepObjects(int depth) {
        return "{\"name\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
    }

    /** An object of {@code count} distinct keys. */
    static String manyKeys(int count) {
        var body = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        return body.append('}').toString();
    }
}
