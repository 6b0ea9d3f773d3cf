package io.storescheduler.application.webhook;

/** Sends one delivery, signed, within bounded timeouts; never throws for what the receiver or the network did. */
@FunctionalInterface
public interface WebhookSender {

    SendResult send(DueDelivery delivery);
}
