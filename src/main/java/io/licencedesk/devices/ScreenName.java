package io.licencedesk.devices;

import io.licencedesk.shared.ControlCharacters;
import io.licencedesk.shared.InvisibleText;
import io.licencedesk.shared.PlainText;
import io.licencedesk.shared.Reason;

/** The rules for a screen's name, shared by registering and renaming. */
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
        if (stripped.length() > MAX_LENGTH) {
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
}
