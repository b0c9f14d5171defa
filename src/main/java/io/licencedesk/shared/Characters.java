package io.licencedesk.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.Map;

/**
 * How long a text is, as every limit on text counts it (decision 0155): in characters, that is Unicode code points, as
 * people count them, as the OpenAPI document's {@code maxLength} (JSON Schema) says, and as PostgreSQL's
 * {@code varchar(n)} holds them. An emoji is one character, where {@link String#length()} counts two UTF-16 units: 150
 * emoji were refused as over 200 characters.
 */
public final class Characters {

    private Characters() {}

    /** The number of characters (code points) in the text. */
    public static int in(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /** Whether the text has more than {@code max} characters. */
    public static boolean moreThan(CharSequence text, int max) {
        // no text of at most max UTF-16 units has more than max code points: most texts are answered without counting
        return text.length() > max && in(text) > max;
    }

    /**
     * The text's first {@code max} characters (all of it when it has no more): a text shown again cut to a length is
     * cut between characters, never between the two halves of an emoji, which a page shows as "?".
     */
    public static String first(String text, int max) {
        return moreThan(text, max) ? text.substring(0, text.offsetByCodePoints(0, max)) : text;
    }

    /** {@code @Size} on text: its characters, not its UTF-16 units. */
    public static class SizeOfText implements ConstraintValidator<Size, CharSequence> {

        private int min;
        private int max;

        @Override
        public void initialize(Size size) {
            min = size.min();
            max = size.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int characters = in(value);
            return characters >= min && characters <= max;
        }
    }

    /**
     * {@code @Size} on a collection, a map or an array, as Hibernate Validator counts them: registering the text's own
     * validator for {@code @Size} replaces all of its built-in ones (a second validator for one type is refused).
     */
    public static class SizeOfCollection implements ConstraintValidator<Size, Collection<?>> {

        private Size size;

        @Override
        public void initialize(Size size) {
            this.size = size;
        }

        @Override
        public boolean isValid(Collection<?> value, ConstraintValidatorContext context) {
            return value == null || (value.size() >= size.min() && value.size() <= size.max());
        }
    }

    /** See {@link SizeOfCollection}. */
    public static class SizeOfMap implements ConstraintValidator<Size, Map<?, ?>> {

        private Size size;

        @Override
        public void initialize(Size size) {
            this.size = size;
        }

        @Override
        public boolean isValid(Map<?, ?> value, ConstraintValidatorContext context) {
            return value == null || (value.size() >= size.min() && value.size() <= size.max());
        }
    }

    /** See {@link SizeOfCollection}: an array of objects. */
    public static class SizeOfArray implements ConstraintValidator<Size, Object[]> {

        private Size size;

        @Override
        public void initialize(Size size) {
            this.size = size;
        }

        @Override
        public boolean isValid(Object[] value, ConstraintValidatorContext context) {
            return value == null || (value.length >= size.min() && value.length <= size.max());
        }
    }
}
