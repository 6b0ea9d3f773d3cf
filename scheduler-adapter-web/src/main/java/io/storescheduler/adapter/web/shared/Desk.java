package io.storescheduler.adapter.web.shared;

import io.storescheduler.adapter.web.session.BoardSession;
import io.storescheduler.application.access.Actor;

/** Who is at the desk for this request: the session, the actor it signed in as, and the words of its language. */
public record Desk(BoardSession session, Actor actor, Texts texts) {

    public String csrf() {
        return session.csrfToken();
    }
}
