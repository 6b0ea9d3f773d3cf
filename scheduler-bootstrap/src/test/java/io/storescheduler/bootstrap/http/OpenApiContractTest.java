package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storescheduler.adapter.http.shared.OpenApiDocument;
import io.storescheduler.bootstrap.SchedulerApplication;
import io.storescheduler.db.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the server describe the same API, and the document is strict enough to mean it. */
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static TestDatabase database;
    private static SchedulerApplication application;
    private static ApiClient api;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.createEmpty();
        application = SchedulerApplication.start(database.dataSource(), database.dataSource(), () -> true, Optional.empty(), "127.0.0.1", 0);
        api = new ApiClient(application.port());
        document = ApiClient.JSON.readTree(OpenApiDocument.json());
    }

    @AfterAll
    static void stop() {
        application.close();
        database.close();
    }

    @Test
    void the_document_describes_exactly_the_routes_the_server_has() {
        var documented = new TreeSet<String>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        var registered = new TreeSet<>(application.routes().stream()
                .filter(route -> METHODS.contains(route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT)))
                .filter(route -> !route.split(" ", 2)[1].startsWith("/board")) // the day board's pages, not the API
                .toList());

        var missingFromDocument = new TreeSet<>(registered);
        missingFromDocument.removeAll(documented);
        var missingFromServer = new TreeSet<>(documented);
        missingFromServer.removeAll(registered);
        assertTrue(missingFromDocument.isEmpty(), "routes the document does not describe: " + missingFromDocument);
        assertTrue(missingFromServer.isEmpty(), "documented routes the server does not have: " + missingFromServer);
    }

    @Test
    void the_document_and_its_page_are_served_without_a_token() {
        var json = api.get(null, OpenApiDocument.JSON_PATH).expect(200);
        assertEquals("3.1.0", json.get("openapi").asText());
        var page = api.get(null, OpenApiDocument.DOCS_PATH);
        assertEquals(200, page.status());
        assertTrue(page.text().contains("<title>Store Scheduler API</title>"));
    }

    @Test
    void every_request_body_refuses_unknown_fields_and_bounds_its_strings() {
        var loose = new ArrayList<String>();
        document.get("components").get("schemas").properties().forEach(schema -> {
            var name = schema.getKey();
            if (name.endsWith("Create") || name.endsWith("Patch") || name.endsWith("Add")) {
                collectLooseness(name, schema.getValue(), loose);
            }
        });
        assertTrue(loose.isEmpty(), "request schemas that are not strict: " + loose);
    }

    @Test
    void every_operation_lists_its_error_answers() {
        var bare = new ArrayList<String>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            var secured = !operation.getValue().has("security");
            if (secured && !operation.getValue().get("responses").has("401")) {
                bare.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertTrue(bare.isEmpty(), "authenticated operations without a 401 answer: " + bare);
    }

    @Test
    void the_contract_check_catches_an_answer_that_breaks_the_document() {
        var path = "/api/v1/stores/1/rooms/1";
        var good = OpenApiContract.report("GET", path, null, 200, "{\"id\":1,\"name\":\"A\",\"capacity\":4,\"active\":true,\"turnaround_minutes\":0}");
        var missingField = OpenApiContract.report("GET", path, null, 200, "{\"id\":1,\"name\":\"A\",\"active\":true}");
        var undocumentedStatus = OpenApiContract.report("GET", path, null, 418, "{}");

        assertFalse(good.hasErrors(), () -> good.getMessages().toString());
        assertTrue(missingField.hasErrors());
        assertTrue(undocumentedStatus.hasErrors());
    }

    private static void collectLooseness(String where, JsonNode schema, List<String> loose) {
        if (schema.has("$ref")) {
            return;
        }
        var type = schema.path("type");
        if (type.asText().equals("object") && !schema.path("additionalProperties").isBoolean()) {
            loose.add(where + " allows unknown fields");
        }
        var isString = type.asText().equals("string") || (type.isArray() && type.toString().contains("\"string\""));
        if (isString && !schema.has("maxLength") && !schema.has("format")) {
            loose.add(where + " has no maxLength");
        }
        schema.path("properties").properties().forEach(p -> collectLooseness(where + "." + p.getKey(), p.getValue(), loose));
        if (schema.has("items")) {
            collectLooseness(where + "[]", schema.get("items"), loose);
        }
    }
}
