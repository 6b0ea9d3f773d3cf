package io.storescheduler.adapter.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoardSessionsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final BoardSessions sessions = new BoardSessions(Duration.ofMinutes(30), nanos::get);

    @Test
    void a_session_lives_while_it_is_used_and_is_forgotten_after_its_idle_time() {
        var session = sessions.open(1, "token");
        advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(session.id()).isPresent(), "used within its idle time");
        advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(session.id()).isPresent(), "each use starts its idle time again");
        advance(Duration.ofMinutes(31));
        assertTrue(sessions.find(session.id()).isEmpty(), "idle for longer than 30 minutes");
    }

    @Test
    void a_closed_session_is_gone_with_its_flash() {
        var session = sessions.open(1, "token");
        sessions.flash(session, Flash.done("done"));
        sessions.close(session.id());
        assertTrue(sessions.find(session.id()).isEmpty());
        assertTrue(sessions.takeFlash(session).isEmpty());
    }

    @Test
    void a_flash_shows_once() {
        var session = sessions.open(1, "token");
        sessions.flash(session, Flash.refused(List.of("no room seats this party")));
        assertEquals(List.of("no room seats this party"), sessions.takeFlash(session).orElseThrow().lines());
        assertTrue(sessions.takeFlash(session).isEmpty());
    }

    @Test
    void ids_and_csrf_tokens_are_random_and_distinct_and_the_csrf_check_takes_only_the_sessions_own() {
        var seen = new HashSet<String>();
        for (var i = 0; i < 1_000; i++) {
            var session = sessions.open(1, "token");
            assertTrue(seen.add(session.id()) && seen.add(session.csrfToken()));
            assertEquals(43, session.id().length(), "256 bits, base64url");
            assertNotEquals(session.id(), session.csrfToken());
        }
        var session = sessions.open(1, "token");
        var other = sessions.open(1, "token");
        assertTrue(BoardSessions.csrfMatches(session, session.csrfToken()));
        assertFalse(BoardSessions.csrfMatches(session, other.csrfToken()));
        assertFalse(BoardSessions.csrfMatches(session, null));
        assertFalse(BoardSessions.csrfMatches(session, ""));
        assertFalse(session.toString().contains(session.bearerToken()), "a logged session never shows its token");
    }

    @Test
    void an_actor_holds_at_most_its_cap_of_sessions_closing_its_oldest_and_never_another_actors() {
        var other = sessions.open(2, "other token");
        var first = new java.util.ArrayList<BoardSession>();
        for (var i = 0; i < BoardSessions.MAX_PER_ACTOR + 5; i++) {
            first.add(sessions.open(1, "token"));
        }
        for (var i = 0; i < first.size(); i++) {
            assertEquals(i >= 5, sessions.find(first.get(i).id()).isPresent(), "session " + i + " of the actor");
        }
        assertTrue(sessions.find(other.id()).isPresent(), "another actor's session stays");
    }

    @Test
    void sign_ins_of_one_actor_at_once_stay_under_its_cap() throws Exception {
        var opened = java.util.Collections.synchronizedList(new java.util.ArrayList<BoardSession>());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            for (var i = 0; i < 200; i++) {
                pool.submit(() -> {
                    start.await();
                    return opened.add(sessions.open(1, "token"));
                });
            }
            start.countDown();
        }
        assertEquals(200, opened.size());
        assertEquals(BoardSessions.MAX_PER_ACTOR, opened.stream().filter(s -> sessions.find(s.id()).isPresent()).count());
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
        sessions.find("none");
    }
}
