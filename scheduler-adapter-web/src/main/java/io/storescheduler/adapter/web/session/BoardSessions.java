package io.storescheduler.adapter.web.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * The board's sessions, on the server, in this instance's memory: a session is forgotten after
 * {@code idle} without a request, and at once when it signs out. Bounded, so a flood of sign-ins
 * cannot take the heap: past {@link #MAX_SESSIONS} the least recently used go first; and one actor
 * holds at most {@link #MAX_PER_ACTOR}, its oldest closed first, so no token can sign in often
 * enough to push other stores' desks out. Sign-ins are serialised by this object's monitor, so two
 * at once for one actor cannot both slip under its cap.
 */
public final class BoardSessions {

    public static final int MAX_SESSIONS = 10_000;
    public static final int MAX_PER_ACTOR = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, BoardSession> sessions;
    private final Cache<String, Flash> flashes;
    private long opened;

    public BoardSessions(Duration idle, Ticker ticker) {
        this.sessions = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(MAX_SESSIONS).ticker(ticker).build();
        this.flashes = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).maximumSize(MAX_SESSIONS).ticker(ticker).build();
    }

    /** A new session of {@code actorId} for {@code bearerToken}, with its own id and CSRF token, both of 256 random bits. */
    public synchronized BoardSession open(long actorId, String bearerToken) {
        var ofActor = sessions.asMap().values().stream().filter(s -> s.actorId() == actorId)
                .sorted(Comparator.comparingLong(BoardSession::opened)).toList();
        ofActor.subList(0, Math.max(0, ofActor.size() - MAX_PER_ACTOR + 1)).forEach(s -> close(s.id()));
        var session = new BoardSession(randomToken(), actorId, ++opened, bearerToken, randomToken());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<BoardSession> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(id));
    }

    public void close(String id) {
        sessions.invalidate(id);
        flashes.invalidate(id);
    }

    public void flash(BoardSession session, Flash flash) {
        flashes.put(session.id(), flash);
    }

    /** The flash left for {@code session}, taken: it shows once. */
    public Optional<Flash> takeFlash(BoardSession session) {
        return Optional.ofNullable(flashes.asMap().remove(session.id()));
    }

    /** Whether {@code given} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(BoardSession session, String given) {
        return given != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    public static String randomToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
