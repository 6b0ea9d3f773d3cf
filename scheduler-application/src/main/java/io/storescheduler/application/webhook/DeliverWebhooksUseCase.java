package io.storescheduler.application.webhook;

import io.storescheduler.domain.webhook.DeliveryPolicy;
import java.util.Optional;

/** What a delivery worker runs: one due delivery, if there is one. */
public interface DeliverWebhooksUseCase {

    /** Delivers the most overdue event owed to some webhook, answering what followed; empty when nothing is due. */
    Optional<DeliveryPolicy.Decision> deliverOne();
}
