package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PostgresBinariesTest {

    private final PostgresBinaries binaries = new PostgresBinaries();

    @Test
    void linux_and_macos_on_x86_64_and_arm64_each_find_an_archive() throws IOException {
        for (var platform : new String[][] {{"Linux", "x86_64"}, {"Linux", "aarch64"}, {"Darwin", "x86_64"}, {"Darwin", "aarch64"}}) {
            try (var archive = binaries.getPgBinary(platform[0], platform[1])) {
                assertNotNull(archive, String.join(" ", platform));
            }
        }
    }

    @Test
    void both_macs_take_the_one_archive_of_universal_binaries() {
        assertEquals("postgres-darwin-x86_64.txz", PostgresBinaries.archiveFor("Darwin", "aarch64"));
        assertEquals("postgres-linux-arm_64.txz", PostgresBinaries.archiveFor("Linux", "aarch64"));
    }

    @Test
    void a_platform_without_an_archive_is_told_to_bring_its_own_postgresql() {
        var missing = assertThrows(IllegalStateException.class, () -> binaries.getPgBinary("Windows", "x86_64"));
        assertEquals(true, missing.getMessage().contains("SCHEDULER_DB_URL"), missing.getMessage());
    }
}
