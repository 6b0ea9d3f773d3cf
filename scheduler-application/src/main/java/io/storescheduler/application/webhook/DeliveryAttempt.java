package io.storescheduler.application.webhook;

import java.time.Instant;

/** One attempt at delivering an event: the receiver's HTTP status, or null and the error that kept it from answering. */
public record DeliveryAttempt(long eventId, int attempt, Integer status, Instant attemptedAt, String error) {}
