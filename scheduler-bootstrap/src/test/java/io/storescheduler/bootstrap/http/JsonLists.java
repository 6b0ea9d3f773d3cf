package io.storescheduler.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Lists read out of the API's JSON answers, as the tests compare them. */
final class JsonLists {

    private JsonLists() {}

    /** The numbers of a JSON array (ids, say), in order. */
    static List<Long> longs(JsonNode array) {
        var values = new ArrayList<Long>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }

    /** The ids of a list answer's {@code items}, in order. */
    static List<Long> itemIds(JsonNode page) {
        var ids = new ArrayList<Long>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
