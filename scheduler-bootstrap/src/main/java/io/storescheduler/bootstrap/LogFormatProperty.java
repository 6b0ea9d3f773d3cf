package io.storescheduler.bootstrap;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/** Gives {@code logback.xml} the appender of the {@link LogFormat} in force: {@code text} or {@code json}. */
public final class LogFormatProperty extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        // Leniently: an unknown SCHEDULER_LOG_FORMAT stops the start in SchedulerConfig, through a log line.
        return LogFormat.leniently(System.getenv()).name().toLowerCase(Locale.ROOT);
    }
}
