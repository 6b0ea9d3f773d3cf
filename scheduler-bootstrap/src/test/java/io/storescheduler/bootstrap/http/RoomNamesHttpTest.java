package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.bootstrap.http.ApiClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room names are one name however they are spelt to look alike; a name with nothing visible is refused. */
class RoomNamesHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_look_alike_of_a_room_name_is_taken(StoreSetup store) {
        store.room("Room A", 6);
        store.room("Straße", 6);
        store.room("Café", 6);

        String[] lookAlikes = {"ROOM A", "Room A ", " Room\u00A0A", "Ｒｏｏｍ Ａ", "Ro\u200Bom A", "\uFEFFroom a\u200D", "STRASSE", "strasse", "Cafe\u0301", "CAFÉ"};
        for (var name : lookAlikes) {
            server.api().post(store.token, store.path + "/rooms", object("name", name, "capacity", 4)).expectProblem(409, "room_name_taken");
        }
        assertEquals(3, server.api().get(store.token, store.path + "/rooms").expect(200).get("total").asInt());
    }

    @Test
    void the_name_is_kept_as_it_was_sent_and_a_look_alike_in_another_store_is_free(StoreSetup store) {
        var sent = " Ｒｏｏｍ\u00A0A ";

        var created = server.api().post(store.token, store.path + "/rooms", object("name", sent, "capacity", 4)).expect(201);

        assertEquals(sent, created.get("name").asText());
        server.newStore(SHANGHAI).room("Room A", 4);
    }

    @Test
    void a_name_blank_or_made_only_of_invisible_characters_is_refused(StoreSetup store) {
        var roomId = store.room("Library", 6);

        for (var blank : new String[] {" ", "\u00A0\u3000", "\u200B", "\u200B\u200C\u200D\uFEFF", " \u2060 "}) {
            var refused = server.api().post(store.token, store.path + "/rooms", object("name", blank, "capacity", 4)).expectProblem(422, "invalid_value");
            assertEquals("name", refused.get("errors").get(0).get("field").asText());
            server.api().patch(store.token, store.path + "/rooms/" + roomId, object("name", blank)).expectProblem(422, "invalid_value");
        }
        assertEquals("Library", server.api().get(store.token, store.path + "/rooms/" + roomId).expect(200).get("name").asText());
        assertEquals(1, server.api().get(store.token, store.path + "/rooms").expect(200).get("total").asInt());
    }

    @Test
    void renaming_a_room_to_a_look_alike_of_another_is_a_conflict_and_to_its_own_is_not(StoreSetup store) {
        store.room("Room A", 6);
        var other = store.room("Room B", 6);

        server.api().patch(store.token, store.path + "/rooms/" + other, object("name", "ｒｏｏｍ\u00A0a")).expectProblem(409, "room_name_taken");
        var renamed = server.api().patch(store.token, store.path + "/rooms/" + other, object("name", "ROOM B")).expect(200);

        assertEquals("ROOM B", renamed.get("name").asText());
    }

    /**
     * Creates of one name are checked under the store's room-quota lock, which every create takes;
     * a rename takes no such lock, so the unique index on the name key is its last guard. Raced
     * together, one request of the name wins, every other is the same 409, and the store holds the
     * name once.
     */
    @Test
    void racing_creates_and_renames_to_one_name_leave_it_taken_once(StoreSetup store) throws Exception {
        var renamed = List.of(store.room("Den", 4), store.room("Hall", 4), store.room("Loft", 4));
        var calls = new ArrayList<Callable<Answer>>();
        for (var i = 0; i < 4; i++) {
            var spelling = i % 2 == 0 ? "Night Room" : "ＮＩＧＨＴ room";
            calls.add(() -> server.api().post(store.token, store.path + "/rooms", object("name", spelling, "capacity", 4)));
        }
        renamed.forEach(room -> calls.add(() -> server.api().patch(store.token, store.path + "/rooms/" + room, object("name", "night ROOM"))));

        var answers = Racing.race(calls);

        assertEquals(1, answers.stream().filter(answer -> answer.status() / 100 == 2).count(), answers::toString);
        answers.stream().filter(answer -> answer.status() / 100 != 2)
                .forEach(answer -> assertEquals(409, answer.status(), answer.text()));
        answers.stream().filter(answer -> answer.status() == 409)
                .forEach(answer -> assertEquals("room_name_taken", answer.json().get("code").asText(), answer.text()));
        try (var connection = server.connectToDatabase(); var statement = connection.prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE name_key = 'night room') FROM room WHERE store_id = ?")) {
            statement.setLong(1, store.storeId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                var created = answers.stream().filter(answer -> answer.status() == 201).count();
                assertEquals(3 + created, rows.getInt(1), "the three rooms and the one created, if a create won");
                assertEquals(1, rows.getInt(2), "the name is held once");
            }
        }
    }
}
