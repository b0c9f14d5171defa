package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that says what a password must be (see docs/decisions/0015). Long enough to resist
 * guessing, short enough for bcrypt, which only reads the first 72 bytes: a longer password would
 * be cut silently, so it is refused instead.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    static final int MAX_BYTES = 72;

    /** The very common passwords of 10 characters or more, from published breach lists, lower-case. */
    private static final Set<String> COMMON = Set.of(
            "1234567890",
            "12345678910",
            "123456789a",
            "0987654321",
            "1111111111",
            "0123456789",
            "1q2w3e4r5t",
            "1qaz2wsx3edc",
            "qwertyuiop",
            "qwerty1234",
            "qwerty123456",
            "asdfghjkl1",
            "iloveyou123",
            "password12",
            "password123",
            "password1234",
            "password!1",
            "passw0rd123",
            "p@ssw0rd123",
            "letmein123",
            "welcome123",
            "welcome1234",
            "administrator",
            "admin12345",
            "changeme123",
            "football123",
            "baseball123",
            "sunshine123",
            "princess123",
            "superman123",
            "trustno1234",
            "abcdefghij",
            "abc1234567",
            "monkey12345",
            "dragon12345",
            "starwars123",
            "licencedesk",
            "licencedesk1",
            "licencedesk123");

    private PasswordPolicy() {}

    /** Why this password may not be used, for the person choosing it; empty when it may. */
    static Optional<Reason> problemWith(String password, String email) {
        // Characters as a person counts them: an emoji is one, not the two UTF-16 units String.length counts.
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Reason.of("reason.password.tooShort", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Reason.of("reason.password.tooLong", MAX_BYTES));
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(Reason.of("reason.password.isEmail"));
        }
        if (COMMON.contains(lower)) {
            return Optional.of(Reason.of("reason.password.common"));
        }
        // Ten spaces, or ten times one letter: long enough, and the first thing guessed after the list above.
        if (password.isBlank() || password.codePoints().distinct().count() == 1) {
            return Optional.of(Reason.of("reason.password.oneCharacter"));
        }
        return Optional.empty();
    }

    static void check(String password, String email) {
        problemWith(password, email).ifPresent(problem -> {
            throw new PasswordRefusedException(problem);
        });
    }
}
