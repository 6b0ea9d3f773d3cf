package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.storescheduler.bootstrap.http.ApiClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One store made through the API, with a staff token allowed for it alone, and short ways to fill
 * its catalogue and drive its bookings. Every helper asserts the status it expects, so a test reads
 * as the steps of the flow.
 */
final class StoreSetup {

    final ApiClient api;
    final long storeId;
    final String token;
    final String path;

    private StoreSetup(ApiClient api, long storeId, String token) {
        this.api = api;
        this.storeId = storeId;
        this.token = token;
        this.path = "/api/v1/stores/" + storeId;
    }

    static StoreSetup create(ApiClient api, String adminToken, String timezone) {
        var store = api.post(adminToken, "/api/v1/stores", object("name", "Store " + UUID.randomUUID(), "timezone", timezone))
                .expect(201);
        var storeId = store.get("id").asLong();
        var actor = api.post(adminToken, "/api/v1/actors", object("name", "desk of " + storeId, "store_ids", List.of(storeId), "admin", false))
                .expect(201);
        return new StoreSetup(api, storeId, actor.get("token").asText());
    }

    /** The same store and token, its requests sent through {@code other}: another instance of the service. */
    StoreSetup through(ApiClient other) {
        return new StoreSetup(other, storeId, token);
    }

    long room(String name, int capacity) {
        return api.post(token, path + "/rooms", object("name", name, "capacity", capacity, "active", true)).expect(201).get("id").asLong();
    }

    /** The phone every client made here has. */
    static final String CLIENT_PHONE = "+86 138 0000 0000";

    long client(String name) {
        return api.post(token, path + "/clients", object("name", name, "phone", CLIENT_PHONE)).expect(201).get("id").asLong();
    }

    long dm(String name) {
        return api.post(token, path + "/dms", object("name", name, "active", true)).expect(201).get("id").asLong();
    }

    /** A script with {@code players} non-DM characters and then {@code dms} DM characters. */
    Script script(String name, int durationMinutes, int players, int dms) {
        var characters = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= players; i++) {
            characters.add(Map.of("name", "Player " + i, "is_dm", false));
        }
        for (int i = 1; i <= dms; i++) {
            characters.add(Map.of("name", "Host " + i, "is_dm", true));
        }
        var body = api.post(token, path + "/scripts", object("name", name, "duration_minutes", durationMinutes, "characters", characters))
                .expect(201);
        var playerIds = new ArrayList<Long>();
        var dmIds = new ArrayList<Long>();
        body.get("characters").forEach(c -> (c.get("is_dm").asBoolean() ? dmIds : playerIds).add(c.get("id").asLong()));
        return new Script(body.get("id").asLong(), List.copyOf(playerIds), List.copyOf(dmIds));
    }

    /**
     * A room of six seats and a script to play in it: what a test needs to schedule bookings when
     * neither is what it is about. The room's name is new each time, so a store can take several.
     */
    Script roomAndScript(int durationMinutes, int players, int dms) {
        room("Room " + UUID.randomUUID(), 6);
        return script("A " + durationMinutes + "-minute game", durationMinutes, players, dms);
    }

    /** A script's id and its character ids, players (non-DM) and DM characters apart. */
    record Script(long id, List<Long> playerCharacterIds, List<Long> dmCharacterIds) {}

    String booking(long bookingId) {
        return path + "/bookings/" + bookingId;
    }

    Answer createBooking(String startAt, Long scriptId, Long roomId) {
        return api.post(token, path + "/bookings/incomplete", object("start_at", startAt, "script_id", scriptId, "room_id", roomId));
    }

    long incompleteBooking(String startAt, Long scriptId) {
        return createBooking(startAt, scriptId, null).expect(201).get("id").asLong();
    }

    JsonNode get(long bookingId) {
        return api.get(token, booking(bookingId)).expect(200);
    }

    JsonNode addClient(long bookingId, long clientId) {
        return api.post(token, booking(bookingId) + "/clients", object("client_id", clientId)).expect(201);
    }

    JsonNode matchClient(long bookingId, long characterId, long clientId) {
        return api.post(token, booking(bookingId) + "/character-client-matches", object("character_id", characterId, "client_id", clientId))
                .expect(201);
    }

    JsonNode matchDm(long bookingId, Long characterId, long dmId) {
        return api.post(token, booking(bookingId) + "/character-dm-matches", object("character_id", characterId, "dm_id", dmId))
                .expect(201);
    }

    Answer confirm(long bookingId) {
        return api.post(token, booking(bookingId) + "/confirm", null);
    }

    Answer cancel(long bookingId) {
        return api.post(token, booking(bookingId) + "/cancel", null);
    }

    Answer complete(long bookingId) {
        return api.post(token, booking(bookingId) + "/complete", null);
    }

    /** A booking of {@code script} at {@code startAt} whose party fills every player character, one new client each. */
    long matchedBooking(String startAt, Script script, Long preferredRoomId) {
        var bookingId = createBooking(startAt, script.id(), preferredRoomId).expect(201).get("id").asLong();
        for (var characterId : script.playerCharacterIds()) {
            var clientId = client("Guest " + UUID.randomUUID());
            addClient(bookingId, clientId);
            matchClient(bookingId, characterId, clientId);
        }
        return bookingId;
    }

    /** A matched booking, confirmed; answers the scheduled booking. */
    JsonNode scheduledBooking(String startAt, Script script) {
        return confirm(matchedBooking(startAt, script, null)).expect(200);
    }
}
