package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.ConflictRecount.assertEveryConflictListIsTrueAndSymmetric;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storescheduler.bootstrap.http.ApiClient.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Racing writes to one store, over HTTP against the real PostgreSQL: the outcome must be one some
 * serial order of the same requests could have had, and every conflict list must be true and
 * symmetric afterwards, recounted from what the API shows. Each round is a store of its own.
 */
class ConcurrencyHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @RepeatedTest(value = 5, name = "round {currentRepetition}")
    void racing_confirms_use_every_room_before_any_room_takes_a_second_booking(StoreSetup store) throws Exception {
        var rush = RushHour.in(store);

        var answers = Racing.race(rush.bookingIds().stream().<Callable<Answer>>map(id -> () -> store.confirm(id)).toList());

        answers.forEach(answer -> answer.expect(200));
        var bookings = bookingsOf(store, rush.bookingIds());
        bookings.forEach(booking -> assertEquals("scheduled", booking.get("status").asText()));
        rush.assertEveryRoomUsedEvenly(bookings);
        assertEquals(1, bookings.stream().map(booking -> booking.get("slot_id").asLong()).distinct().count(), "one slot per start");
        assertEveryConflictListIsTrueAndSymmetric(bookings);
    }

    @RepeatedTest(value = 3, name = "round {currentRepetition}")
    void the_same_booking_confirmed_by_eight_threads_at_once_is_scheduled_exactly_once(StoreSetup store) throws Exception {
        var bookingId = store.matchedBooking(TWO_PM, store.roomAndScript(120, 2, 0), null);

        var answers = Racing.race(Collections.<Callable<Answer>>nCopies(8, () -> store.confirm(bookingId)));

        var scheduled = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertEquals(1, scheduled.size(), () -> "answers: " + answers.stream().map(Answer::status).toList());
        answers.stream().filter(answer -> answer.status() != 200).forEach(answer -> {
            var violations = answer.expectProblem(409, "confirm_preconditions_failed").get("violations");
            assertEquals("status_not_incomplete", violations.get(0).get("code").asText(), violations::toString);
        });
        assertEquals(scheduled.get(0).json(), store.get(bookingId));
    }

    @RepeatedTest(value = 3, name = "round {currentRepetition}")
    void cancels_completions_reschedules_and_confirms_racing_leave_every_conflict_list_true(StoreSetup store) throws Exception {
        store.room("Red", 6);
        store.room("Green", 6);
        store.room("Blue", 6);
        var script = store.script("Mixed", 120, 1, 0);
        var dms = List.of(store.dm("Host A"), store.dm("Host B"));
        var scheduled = new ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            var bookingId = store.matchedBooking(at(14 * 60 + 30 * (i / 2)), script, null);
            store.matchDm(bookingId, null, dms.get(i % 2));
            scheduled.add(store.confirm(bookingId).expect(200).get("id").asLong());
        }
        var incomplete = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            var bookingId = store.matchedBooking(at(14 * 60 + 20 * i), script, null);
            if (i % 2 == 0) {
                store.matchDm(bookingId, null, dms.get(i % 4 / 2));
            }
            incomplete.add(bookingId);
        }

        var work = new ArrayList<Callable<Answer>>();
        work.add(() -> store.cancel(scheduled.get(0)));
        work.add(() -> store.cancel(scheduled.get(1)));
        work.add(() -> store.complete(scheduled.get(2)));
        work.add(() -> reschedule(store, scheduled.get(3), at(15 * 60 + 45)));
        work.add(() -> reschedule(store, scheduled.get(4), at(13 * 60 + 15)));
        work.add(() -> reschedule(store, scheduled.get(5), at(14 * 60 + 50)));
        work.add(() -> store.api.post(store.token, store.booking(scheduled.get(6)) + "/character-dm-matches",
                object("character_id", null, "dm_id", dms.get(1))));
        incomplete.forEach(bookingId -> work.add(() -> store.confirm(bookingId)));
        var answers = Racing.race(work);

        for (var answer : answers) {
            assertTrue(answer.status() == 200 || answer.status() == 201, () -> answer.status() + ": " + answer.text());
        }
        var all = new ArrayList<>(scheduled);
        all.addAll(incomplete);
        var bookings = bookingsOf(store, all);
        assertEquals(List.of("cancelled", "cancelled", "completed"), bookings.subList(0, 3).stream().map(b -> b.get("status").asText()).toList());
        assertEveryConflictListIsTrueAndSymmetric(bookings);
    }

    private static Answer reschedule(StoreSetup store, long bookingId, String startAt) {
        return store.api.patch(store.token, store.booking(bookingId), object("start_at", startAt), Map.of());
    }

    /** 2026-12-05 at {@code minutes} past midnight in Shanghai. */
    private static String at(int minutes) {
        return String.format("2026-12-05T%02d:%02d:00+08:00", minutes / 60, minutes % 60);
    }

    private static List<JsonNode> bookingsOf(StoreSetup store, List<Long> bookingIds) {
        return bookingIds.stream().map(store::get).toList();
    }
}
