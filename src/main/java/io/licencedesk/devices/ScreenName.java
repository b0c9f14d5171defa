package io.licencedesk.devices;

import io.licencedesk.shared.Characters;
import io.licencedesk.shared.ControlCharacters;
import io.licencedesk.shared.InvisibleText;
import io.licencedesk.shared.PlainText;
import io.licencedesk.shared.Reason;
import java.text.Normalizer;
import java.util.Locale;

/** The rules for a screen's name, shared by registering and renaming, and the form in which names are compared. */
final class ScreenName {

    static final int MAX_LENGTH = 100;

    private static final PlainText.Validator PLAIN_TEXT = new PlainText.Validator();

    private ScreenName() {}

    /** The name without surrounding blanks, or an {@link InvalidScreenNameException} saying what is wrong. */
    static String check(String name) {
        String stripped = name == null ? "" : name.strip();
        if (InvisibleText.is(stripped)) {
            throw new InvalidScreenNameException(Reason.of("reason.screen.nameMissing"));
        }
        if (Characters.moreThan(stripped, MAX_LENGTH)) {
            throw new InvalidScreenNameException(Reason.of("reason.screen.nameTooLong", MAX_LENGTH));
        }
        if (ControlCharacters.in(stripped)) {
            throw new InvalidScreenNameException(Reason.of("reason.screen.nameHasControlCharacters"));
        }
        if (!PLAIN_TEXT.isValid(stripped, null)) {
            throw new InvalidScreenNameException(Reason.of("reason.screen.nameHasHtml"));
        }
        return stripped;
    }

    /**
     * The name as it is compared (column {@code name_key}, unique among a licence's live screens, decision 0151): in
     * Unicode's NFC, so that an "é" typed as one character or as "e" and an accent is one letter, then upper-cased and
     * lower-cased in {@link Locale#ROOT}, which folds every letter Unicode gives a case whatever the server's locale
     * ("écran" and "ÉCRAN", "Σ", "σ" and "ς") and folds "ß" as "ss", as German readers take "STRASSE" for "Straße".
     * The database's {@code lower()} folded only ASCII under a "C" locale.
     */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
    }
}
