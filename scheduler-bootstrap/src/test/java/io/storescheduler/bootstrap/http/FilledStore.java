package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.fail;

import io.storescheduler.bootstrap.http.RouteCatalog.Route;
import io.storescheduler.bootstrap.http.StoreSetup.Script;
import java.util.List;

/**
 * A store with one of everything a route can name: a room, a script with two player and two DM
 * characters, two DMs, three clients, a slot, and an incomplete booking whose party holds two of
 * the clients, one matched to a player character, and whose first DM plays the first DM character.
 * Gives every path parameter and body id a value of this store, so tests can fill any route.
 */
final class FilledStore {

    final StoreSetup setup;
    final long storeId;
    final String token;
    final long roomId;
    final Script script;
    final long dmId;
    final long freeDmId;
    final long partyClientId;
    final long unmatchedClientId;
    final long outsideClientId;
    final long slotId;
    final long bookingId;
    final long clientMatchId;
    final long dmMatchId;
    final long actorId;
    final long webhookId;

    private FilledStore(TestServer server, String startAt) {
        setup = server.newStore(SHANGHAI);
        storeId = setup.storeId;
        token = setup.token;
        var api = setup.api;
        roomId = setup.room("Parlour", 6);
        script = setup.script("Night Train", 120, 2, 2);
        dmId = setup.dm("Host");
        freeDmId = setup.dm("Spare host");
        partyClientId = setup.client("Li Wei");
        unmatchedClientId = setup.client("Zhang San");
        outsideClientId = setup.client("Wang Wu");
        slotId = api.post(token, setup.path + "/slots", object("start_at", startAt)).expect(201).get("id").asLong();
        bookingId = setup.incompleteBooking(startAt, script.id());
        setup.addClient(bookingId, partyClientId);
        setup.addClient(bookingId, unmatchedClientId);
        clientMatchId = setup.matchClient(bookingId, script.playerCharacterIds().get(0), partyClientId)
                .get("character_client_matches").get(0).get("id").asLong();
        dmMatchId = setup.matchDm(bookingId, script.dmCharacterIds().get(0), dmId)
                .get("character_dm_matches").get(0).get("id").asLong();
        actorId = actorIdOf(server, storeId);
        // only completions go out, to a port that refuses at once: the store's rows stay still while tests compare them
        webhookId = api.post(token, setup.path + "/webhooks", object("url", "http://127.0.0.1:9/hook", "event_types", List.of("booking.completed")))
                .expect(201).get("id").asLong();
    }

    static FilledStore fill(TestServer server, String startAt) {
        return new FilledStore(server, startAt);
    }

    /** The path of {@code route} with every parameter taken from this store, and the query parameters it requires. */
    String path(Route route) {
        var required = route.queryParameters().stream().filter(parameter -> parameter.path("required").asBoolean())
                .map(parameter -> parameter.get("name").asText() + "=" + queryValue(route, parameter.get("name").asText()))
                .toList();
        return route.path(name -> pathValue(route, name)) + (required.isEmpty() ? "" : "?" + String.join("&", required));
    }

    /** This store's value for a required query parameter of {@code route}; one it has none for fails the test. */
    private String queryValue(Route route, String name) {
        return switch (name) {
            case "script_id" -> Long.toString(script.id());
            case "party_size" -> "1";
            case "from" -> "2026-12-01T00:00:00%2B08:00";
            case "to" -> "2026-12-02T00:00:00%2B08:00";
            case "key" -> "k".repeat(43); // a calendar key's shape; no calendar's key, so a feed answers 404
            default -> fail("query parameter " + name + " of " + route + " has no fixture value: add it to FilledStore.queryValue");
        };
    }

    /** This store's value for a path parameter of {@code route}; a parameter it has none for fails the test. */
    String pathValue(Route route, String name) {
        long id = switch (name) {
            case "store_id" -> storeId;
            case "room_id" -> roomId;
            case "script_id" -> script.id();
            case "dm_id" -> dmId;
            case "client_id" -> partyClientId;
            case "slot_id" -> slotId;
            case "webhook_id" -> webhookId;
            case "booking_id" -> bookingId;
            case "actor_id" -> actorId;
            case "match_id" -> route.path().contains("/character-client-matches/") ? clientMatchId
                    : route.path().contains("/character-dm-matches/") ? dmMatchId
                    : fail("{match_id} of " + route + " is neither a client nor a DM match: add its kind to FilledStore.pathValue");
            default -> fail("path parameter {" + name + "} of " + route + " has no fixture value: add it to FilledStore.pathValue");
        };
        return Long.toString(id);
    }

    /**
     * This store's value for a body field of {@code route} that the schema alone cannot make up (an
     * id, a time zone, a datetime), chosen so that the request would succeed; null for any other field.
     */
    Object bodyValue(Route route, String field) {
        var dmMatches = route.path().contains("/character-dm-matches");
        return switch (field) {
            case "room_id" -> roomId;
            case "script_id" -> script.id();
            case "dm_id" -> freeDmId;
            case "client_id" -> route.path().endsWith("/clients") ? outsideClientId : unmatchedClientId;
            case "character_id" -> dmMatches ? script.dmCharacterIds().get(1) : script.playerCharacterIds().get(1);
            case "store_ids" -> List.of(storeId);
            case "timezone" -> "Asia/Shanghai";
            case "start_at" -> "2027-01-15T20:00:00+08:00";
            default -> field.endsWith("_id") || field.endsWith("_ids")
                    ? fail("body field " + field + " of " + route + " has no fixture value: add it to FilledStore.bodyValue")
                    : null;
        };
    }

    private static long actorIdOf(TestServer server, long storeId) {
        for (var offset = 0; ; offset += 200) {
            var page = server.api().get(server.adminToken, "/api/v1/actors?limit=200&offset=" + offset).expect(200);
            for (var actor : page.get("items")) {
                if (actor.get("store_ids").size() == 1 && actor.get("store_ids").get(0).asLong() == storeId) {
                    return actor.get("id").asLong();
                }
            }
            if (page.get("items").isEmpty()) {
                return fail("no actor for store " + storeId);
            }
        }
    }
}
