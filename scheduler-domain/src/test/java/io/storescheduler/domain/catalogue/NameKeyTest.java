package io.storescheduler.domain.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Pairs that read as one name: sharp s and double s in any case, final sigma, combined accents, ligatures. */
    static Stream<Arguments> one_name() {
        return Stream.of(
                arguments("Straße", "STRASSE"),
                arguments("Straße", "strasse"),
                arguments("ΣΟΦΟΣ", "σοφος"),
                arguments("σοφος", "σοφοσ"),
                arguments("Caf\u00E9", "Cafe\u0301"),
                arguments("\u00C5ngstr\u00F6m", "A\u030Angstro\u0308m"),
                arguments("\uFB01re", "fire"));
    }

    @ParameterizedTest
    @MethodSource("one_name")
    void names_that_read_the_same_share_a_key(String name, String sameName) {
        assertEquals(NameKey.of(name), NameKey.of(sameName));
    }

    static Stream<Arguments> two_names() {
        return Stream.of(
                arguments("Room A", "Room B"),
                arguments("Room A", "RoomA"),
                arguments("Cafe", "Café"),
                arguments("房间一", "房间二"));
    }

    @ParameterizedTest
    @MethodSource("two_names")
    void names_that_read_differently_keep_different_keys(String name, String otherName) {
        assertNotEquals(NameKey.of(name), NameKey.of(otherName));
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
