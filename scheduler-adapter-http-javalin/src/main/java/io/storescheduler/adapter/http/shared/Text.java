package io.storescheduler.adapter.http.shared;

/** Checks on text as Java holds it (UTF-16). */
final class Text {

    private Text() {}

    /**
     * Whether the text holds a surrogate that is not half of a pair: JSON's {@code \ud800} escape
     * decodes to one, but it is no character, and UTF-8 (the database's, the answer's) cannot hold it.
     */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
