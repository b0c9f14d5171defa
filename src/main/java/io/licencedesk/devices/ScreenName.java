package io.licencedesk.devices;

import io.licencedesk.shared.ControlCharacters;
import io.licencedesk.shared.PlainText;

/** The rules for a screen's name, shared by registering and renaming. */
final class ScreenName {

    static final int MAX_LENGTH = 100;

    private static final PlainText.Validator PLAIN_TEXT = new PlainText.Validator();

    private ScreenName() {}

    /** The name without surrounding blanks, or an {@link InvalidScreenNameException} saying what is wrong. */
    static String check(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidScreenNameException("Enter a name for the screen.");
        }
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidScreenNameException("Use at most " + MAX_LENGTH + " characters.");
        }
        if (ControlCharacters.in(stripped)) {
            throw new InvalidScreenNameException("Remove the control characters: they cannot be saved.");
        }
        if (!PLAIN_TEXT.isValid(stripped, null)) {
            throw new InvalidScreenNameException("Remove the HTML tags: only plain text is allowed.");
        }
        return stripped;
    }
}
