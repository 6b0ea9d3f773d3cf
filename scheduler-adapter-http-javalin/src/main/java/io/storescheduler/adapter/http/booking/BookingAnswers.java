package io.storescheduler.adapter.http.booking;

import io.javalin.http.Context;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.store.Store;

/** Answers with one booking: its wire form at the store's offset, and its version as the {@code ETag}. */
record BookingAnswers(Answers answers) {

    /** The booking {@code outcome} answers, or its refusal's problem. */
    void write(Context ctx, int status, Store store, Outcome<BookingView> outcome) {
        answers.unlessRefused(ctx, outcome, view -> write(ctx, status, store, view));
    }

    void write(Context ctx, int status, Store store, BookingView view) {
        ctx.header("ETag", "\"" + view.booking().version() + "\"");
        answers.json(ctx, status, BookingResponse.from(view, store.timezone()));
    }
}
