package io.storescheduler.application.shared;

import io.storescheduler.domain.id.EntityId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a use case refused a request the caller can act on: a missing record, a state that forbids
 * the change, an invalid reference, a stale version. A value, answered in an {@link Outcome}; the
 * HTTP adapter maps {@link Kind} to a status in one place.
 *
 * @param details members the answer carries beside the usual ones, such as the {@code quota} and
 *     {@code limit} of a quota refused, in the order they are given
 */
public record Refusal(Kind kind, String code, String detail, List<FieldError> errors, Map<String, Object> details) {

    /** What kind of refusal: decides the answer's status. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID, FORBIDDEN, STALE }

    /** A field the refusal is about, with what is wrong with it. */
    public record FieldError(String field, String message) {}

    public Refusal {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(code);
        errors = List.copyOf(errors);
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Refusal notFound(String what, EntityId id) {
        return notFound(what, id.value());
    }

    /** Not found, for the entities whose ids are bare numbers (actors, webhooks). */
    public static Refusal notFound(String what, long id) {
        return new Refusal(Kind.NOT_FOUND, what + "_not_found", what.replace('_', ' ') + " " + id + " does not exist in this store",
                List.of(), Map.of());
    }

    /** Not found for a reason the generic form cannot say, such as a client that is not in a party. */
    public static Refusal notFound(String code, String detail) {
        return new Refusal(Kind.NOT_FOUND, code, detail, List.of(), Map.of());
    }

    public static Refusal conflict(String code, String detail) {
        return new Refusal(Kind.CONFLICT, code, detail, List.of(), Map.of());
    }

    /** A conflict whose answer carries {@code details} beside its code and detail. */
    public static Refusal conflict(String code, String detail, Map<String, Object> details) {
        return new Refusal(Kind.CONFLICT, code, detail, List.of(), details);
    }

    /** The store holds as much of {@code quota} as it may: the answer names the quota and its limit. */
    public static Refusal quotaExceeded(String quota, long limit) {
        var details = new LinkedHashMap<String, Object>();
        details.put("quota", quota);
        details.put("limit", limit);
        return conflict("quota_exceeded", "this store has reached its quota of " + limit + " " + quota.replace('_', ' '), details);
    }

    public static Refusal invalid(String code, String field, String message) {
        return new Refusal(Kind.INVALID, code, message, List.of(new FieldError(field, message)), Map.of());
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", detail, List.of(), Map.of());
    }

    public static Refusal stale(String what, long expected, long actual) {
        return new Refusal(Kind.STALE, "version_mismatch", what + " is at version " + actual + ", not " + expected, List.of(), Map.of());
    }
}
