package io.licencedesk.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;

/**
 * Text that shows nothing: only spaces of any kind and invisible format characters. Java's {@link String#isBlank()}
 * and {@link String#strip()} know only the spaces that break a line, so a name of one no-break space (U+00A0), or of a
 * zero-width space (U+200B), passed as filled in and showed as an empty link in a list.
 */
public final class InvisibleText {

    private InvisibleText() {}

    /** Whether the text is null, empty, or holds nothing a reader sees. */
    public static boolean is(CharSequence text) {
        return text == null || text.codePoints().allMatch(InvisibleText::invisible);
    }

    private static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    /**
     * {@link NotBlank} with this rule, in place of Hibernate Validator's own (registered by {@code
     * web.OneMessageEachValidation}), so that every required field of every form and API body refuses invisible text
     * with its usual "required" message.
     */
    public static class NotBlankValidator implements ConstraintValidator<NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !is(value);
        }
    }
}
