package io.licencedesk.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages LicenceDesk speaks (decision 0053): British English, the default, and French. A person's choice is
 * stored by its code ("en", "fr"); pages, e-mails and invoices are written with its {@link #locale()}.
 */
public enum Language {
    EN("en", Locale.UK),
    FR("fr", Locale.FRANCE);

    /** The language of anything written for no one in particular, or for someone who chose none. */
    public static final Language DEFAULT = EN;

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

    /** The language with this code ("fr"), or none for null, blank or a language not spoken here. */
    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The language of a locale ("fr-CA" is French), or none when it is not spoken here. */
    public static Optional<Language> of(Locale locale) {
        return locale == null ? Optional.empty() : ofCode(locale.getLanguage());
    }

    /** The locale for a stored code, English when there is none. */
    public static Locale localeOf(String code) {
        return ofCode(code).orElse(DEFAULT).locale();
    }
}
