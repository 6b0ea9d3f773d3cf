package io.storescheduler.domain.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void look_alikes_of_a_name_have_its_key() {
        var key = NameKey.of("Room A");
        String[] lookAlikes = {
            "room a", "ROOM A", "Room A ", "  Room A\t", "Room\u00A0A", "Room\u3000A", "Ｒｏｏｍ Ａ",
            "Ro\u200Bom A", "\uFEFFRoom A", "Room A\u200D", "R\u00ADoom A", "Room\u2060 A", "Room A\uFE0F", "\u202ERoom A",
        };
        for (var lookAlike : lookAlikes) {
            assertEquals(key, NameKey.of(lookAlike), lookAlike);
        }
    }

    @Test
    void sharp_s_and_double_s_are_one_name_in_any_case() {
        assertEquals(NameKey.of("Straße"), NameKey.of("STRASSE"));
        assertEquals(NameKey.of("Straße"), NameKey.of("strasse"));
        assertEquals(NameKey.of("ΣΟΦΟΣ"), NameKey.of("σοφος"));
        assertEquals(NameKey.of("σοφος"), NameKey.of("σοφοσ"));
    }

    @Test
    void a_combining_accent_is_its_precomposed_letter() {
        assertEquals(NameKey.of("Caf\u00E9"), NameKey.of("Cafe\u0301"));
        assertEquals(NameKey.of("\u00C5ngstr\u00F6m"), NameKey.of("A\u030Angstro\u0308m"));
        assertEquals(NameKey.of("\uFB01re"), NameKey.of("fire"));
    }

    @Test
    void names_that_read_differently_keep_different_keys() {
        assertNotEquals(NameKey.of("Room A"), NameKey.of("Room B"));
        assertNotEquals(NameKey.of("Room A"), NameKey.of("RoomA"));
        assertNotEquals(NameKey.of("Cafe"), NameKey.of("Café"));
        assertNotEquals(NameKey.of("房间一"), NameKey.of("房间二"));
    }

    @Test
    void a_name_of_nothing_visible_is_not_visible() {
        for (var blank : new String[] {"", " ", "\t\n", "\u00A0", "\u3000", "\u200B", "\u200B\u200C\u200D", "\uFEFF ", "\u0001", "\u115F\u3164"}) {
            assertFalse(NameKey.isVisible(blank), blank.codePoints().boxed().toList().toString());
            assertEquals("", NameKey.of(blank));
        }
        assertTrue(NameKey.isVisible(" a "));
        assertTrue(NameKey.isVisible("房"));
    }

    @Test
    void the_key_is_its_own_key_and_a_look_alike_of_a_random_name_shares_it() {
        var random = new Random(7);
        String[] pieces = {"a", "B", "ß", "SS", "é", "e\u0301", "Ａ", "\u200B", "\u00A0", " ", "房", "Σ", "ς", "\uFB01", "İ", "ı", "\uD83D\uDE00", "\uFE0F", "1", "¹"};
        for (int i = 0; i < 5_000; i++) {
            var name = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            var key = NameKey.of(name.toString());
            assertEquals(key, NameKey.of(key), name::toString);
            assertEquals(key, NameKey.of(" \u200B" + name.toString().toUpperCase(java.util.Locale.ROOT) + "\uFEFF "), name::toString);
        }
    }
}
