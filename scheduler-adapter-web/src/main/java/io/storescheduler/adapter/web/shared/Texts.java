package io.storescheduler.adapter.web.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The board's words in one language: English or Simplified Chinese, chosen by the desk's switch
 * (a cookie) or else by the browser's {@code Accept-Language}. Each text is a key of the bundle
 * {@code board/texts}; a text with arguments is a {@link MessageFormat} pattern.
 */
public record Texts(Language language, ResourceBundle bundle) {

    /** The languages the board speaks, the first the default. */
    public enum Language {
        EN("en", Locale.ENGLISH), ZH("zh", Locale.SIMPLIFIED_CHINESE);

        private final String code;
        private final Locale locale;

        Language(String code, Locale locale) {
            this.code = code;
            this.locale = locale;
        }

        public String code() {
            return code;
        }

        public Locale locale() {
            return locale;
        }

        public static java.util.Optional<Language> ofCode(String code) {
            return java.util.Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
        }
    }

    public static Texts of(Language language) {
        return new Texts(language, ResourceBundle.getBundle("board.texts", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /**
     * The language an {@code Accept-Language} header asks for first among the board's, or English
     * when it asks for none of them or cannot be read.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Language.EN;
        }
        try {
            var tags = List.of(Language.EN.code(), Language.ZH.code());
            var best = Locale.lookupTag(Locale.LanguageRange.parse(header), tags);
            return best == null ? Language.EN : Language.ofCode(best).orElse(Language.EN);
        } catch (IllegalArgumentException unreadable) {
            return Language.EN;
        }
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no board text " + key + " in " + language.code(), e);
        }
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(get(key), language.locale()).format(arguments);
    }

    public String htmlLang() {
        return language == Language.ZH ? "zh-Hans" : "en";
    }
}
