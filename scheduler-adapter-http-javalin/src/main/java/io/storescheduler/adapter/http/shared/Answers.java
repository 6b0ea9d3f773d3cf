package io.storescheduler.adapter.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.storescheduler.application.shared.Outcome;
import java.util.function.Consumer;

/** Writes a JSON answer with its status, or the problem of a refused outcome. */
public final class Answers {

    private final ObjectMapper mapper;
    private final Problems problems;

    public Answers(ObjectMapper mapper) {
        this.mapper = mapper;
        this.problems = new Problems(mapper);
    }

    /** Answers {@code outcome}: with {@code done} when it is done, with its refusal's problem when it is refused. */
    public <T> void unlessRefused(Context ctx, Outcome<T> outcome, Consumer<T> done) {
        switch (outcome) {
            case Outcome.Done<T> answered -> done.accept(answered.value());
            case Outcome.Refused<T> refused -> problems.refuse(ctx, refused.refusal());
        }
    }

    public void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers are plain records", e);
        }
    }

    public void ok(Context ctx, Object body) {
        json(ctx, 200, body);
    }

    public void created(Context ctx, Object body) {
        json(ctx, 201, body);
    }
}
