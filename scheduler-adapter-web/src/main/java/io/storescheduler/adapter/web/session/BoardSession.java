package io.storescheduler.adapter.web.session;

/**
 * A signed-in desk: the token it signed in with, kept on the server only so that every request
 * checks it again (a revoked actor's session ends at its next request), and the CSRF token its
 * forms carry. The browser holds only {@code id}, in an {@code HttpOnly} cookie. {@code opened}
 * orders an actor's sessions, oldest first.
 */
public record BoardSession(String id, long actorId, long opened, String bearerToken, String csrfToken) {

    @Override
    public String toString() {
        return "BoardSession[id=…]";
    }
}
