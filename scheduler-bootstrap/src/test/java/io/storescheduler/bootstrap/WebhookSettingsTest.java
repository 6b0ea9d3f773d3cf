package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void private_targets_are_refused_unless_the_setting_is_1() {
        assertFalse(WebhookSettings.fromEnvironment(Map.of()).allowPrivate());
        assertFalse(WebhookSettings.fromEnvironment(Map.of("SCHEDULER_WEBHOOK_ALLOW_PRIVATE", "0")).allowPrivate());
        assertTrue(WebhookSettings.fromEnvironment(Map.of("SCHEDULER_WEBHOOK_ALLOW_PRIVATE", " 1 ")).allowPrivate());
    }

    @Test
    void any_other_value_stops_the_start_naming_the_setting() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.fromEnvironment(Map.of("SCHEDULER_WEBHOOK_ALLOW_PRIVATE", "yes")));
        assertEquals("SCHEDULER_WEBHOOK_ALLOW_PRIVATE must be 0 or 1, not 'yes'", refused.getMessage());
    }
}
