package io.storescheduler.domain.catalogue;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key a name that must be unique (a room's) is compared by, so that names a person reads as the
 * same are the same: Unicode NFKC (full-width {@code Ａ} is {@code A}, a no-break space a space, a
 * letter and a combining accent the precomposed letter), without default-ignorable code points (zero
 * width spaces and joiners, variation selectors, bidi marks, ...) or control characters, case folded
 * ({@code ß}, {@code SS} and {@code ss} are one), and trimmed. A name whose key is empty has nothing
 * visible in it. The database keeps this key beside each name, computed by this function alone, so
 * the two can never disagree.
 */
public final class NameKey {

    /** The Default_Ignorable_Code_Point ranges of Unicode's DerivedCoreProperties.txt (15.1), as pairs. */
    private static final int[] DEFAULT_IGNORABLE = {
        0x00AD, 0x00AD, 0x034F, 0x034F, 0x061C, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180F,
        0x200B, 0x200F, 0x202A, 0x202E, 0x2060, 0x206F, 0x3164, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFEFF,
        0xFFA0, 0xFFA0, 0xFFF0, 0xFFF8, 0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0000, 0xE0FFF,
    };

    private NameKey() {}

    /** The comparison key of {@code name}; empty when the name has nothing visible. */
    public static String of(String name) {
        var compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        var visible = withoutInvisibles(compatible);
        // Upper then lower case maps ß to ss and final sigma to sigma, as case folding does; the
        // second NFKC recomposes what case mapping may have left decomposed.
        var folded = visible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC).strip();
    }

    /** Whether {@code name} has something a person can see: not blank, nor made only of invisible characters. */
    public static boolean isVisible(String name) {
        return !of(name).isEmpty();
    }

    private static String withoutInvisibles(String text) {
        var kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isInvisible(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean isInvisible(int codePoint) {
        if (Character.getType(codePoint) == Character.CONTROL && !Character.isWhitespace(codePoint)) {
            return true;
        }
        for (int i = 0; i < DEFAULT_IGNORABLE.length; i += 2) {
            if (codePoint >= DEFAULT_IGNORABLE[i] && codePoint <= DEFAULT_IGNORABLE[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
