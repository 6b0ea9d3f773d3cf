package io.storescheduler.application.webhook;

import io.storescheduler.application.catalogue.CataloguePortsUnderTest;
import io.storescheduler.application.event.EventOutbox;

/** The webhook repository a contract runs on, with the outbox whose events it delivers. */
public interface WebhookPortsUnderTest extends CataloguePortsUnderTest {

    WebhookRepository webhooks();

    EventOutbox events();
}
