package io.storescheduler.application.webhook;

import java.net.URI;
import java.util.Optional;

/** Which URLs a webhook may be sent to: why {@code url} is refused, if it is (not http(s), or a private or loopback address). */
@FunctionalInterface
public interface WebhookTargets {

    Optional<String> refusal(URI url);
}
