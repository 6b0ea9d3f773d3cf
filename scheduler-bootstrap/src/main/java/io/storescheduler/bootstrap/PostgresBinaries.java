package io.storescheduler.bootstrap;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.InputStream;
import java.util.Locale;

/**
 * Which of the jar's PostgreSQL archives the embedded database runs on this machine. Unlike
 * zonky's default resolver, it takes the macOS archive on Apple Silicon too, without a warning:
 * that archive holds universal binaries (x86_64 and arm64), so the jar carries one for both Macs.
 */
final class PostgresBinaries implements PgBinaryResolver {

    static final String PLATFORMS = "Linux x86_64 and arm64, macOS x86_64 and arm64";

    @Override
    public InputStream getPgBinary(String system, String machineHardware) {
        var archive = PostgresBinaries.class.getResourceAsStream("/" + archiveFor(system, machineHardware));
        if (archive == null) {
            throw new IllegalStateException("this jar has no embedded PostgreSQL for " + system + " " + machineHardware
                    + " (it has " + PLATFORMS + "): set SCHEDULER_DB_URL to a PostgreSQL of your own");
        }
        return archive;
    }

    /** The archive's name, as zonky's binaries artifacts name it: {@code postgres-linux-arm_64.txz}. */
    static String archiveFor(String system, String machineHardware) {
        var architecture = system.equals("Darwin") ? "x86_64" : ArchUtils.normalize(machineHardware);
        return "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture + ".txz";
    }
}
