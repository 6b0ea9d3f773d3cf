package io.storescheduler.adapter.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes a JSON answer with its status. */
public final class Answers {

    private final ObjectMapper mapper;

    public Answers(ObjectMapper mapper) {
        this.mapper = mapper;
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
