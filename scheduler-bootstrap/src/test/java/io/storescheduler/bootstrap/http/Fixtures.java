package io.storescheduler.bootstrap.http;

/** The time zones and start times the HTTP tests share: a store in Shanghai (+08:00, no DST) on Saturday 5 December 2026. */
final class Fixtures {

    static final String SHANGHAI = "Asia/Shanghai";
    static final String NEW_YORK = "America/New_York";
    static final String TWO_PM = "2026-12-05T14:00:00+08:00";
    static final String THREE_PM = "2026-12-05T15:00:00+08:00";
    static final String FOUR_PM = "2026-12-05T16:00:00+08:00";

    private Fixtures() {}
}
