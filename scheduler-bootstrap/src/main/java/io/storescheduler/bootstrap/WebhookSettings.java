package io.storescheduler.bootstrap;

import java.time.Clock;
import java.util.Map;

/**
 * How webhooks are delivered: whether private and loopback targets are allowed
 * ({@code SCHEDULER_WEBHOOK_ALLOW_PRIVATE=1}; refused by default, against SSRF), the clock the
 * deliveries' schedule runs on (the system's; tests move their own forward to reach retries), and
 * how many delivery workers the instance runs (0 for none, as in tests that count or break every
 * statement the service sends).
 */
public record WebhookSettings(boolean allowPrivate, Clock clock, int workers) {

    public static final int WORKERS = 2;
    public static final WebhookSettings DEFAULTS = new WebhookSettings(false, Clock.systemUTC(), WORKERS);

    public WebhookSettings(boolean allowPrivate, Clock clock) {
        this(allowPrivate, clock, WORKERS);
    }

    static WebhookSettings fromEnvironment(Map<String, String> env) {
        var allow = env.getOrDefault("SCHEDULER_WEBHOOK_ALLOW_PRIVATE", "0").trim();
        if (!allow.equals("0") && !allow.equals("1")) {
            throw new IllegalArgumentException("SCHEDULER_WEBHOOK_ALLOW_PRIVATE must be 0 or 1, not '" + allow + "'");
        }
        return new WebhookSettings(allow.equals("1"), Clock.systemUTC(), WORKERS);
    }
}
