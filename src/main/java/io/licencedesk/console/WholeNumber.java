package io.licencedesk.console;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole number from {@link #min} to {@link #max} as typed in a form, with one message for each thing that can be
 * wrong. Forms keep numbers as text so that "1.5" or "abc" is one more field error: a record that Spring cannot
 * build (a number field it cannot convert) would hide the errors of the other fields.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WholeNumber.Validator.class)
@interface WholeNumber {

    int min();

    int max();

    /** When nothing is typed. */
    String blank();

    /** When what is typed is no whole number, or one too long to be one of ours. */
    String notWhole();

    /** When the number is below {@link #min} or above {@link #max}. */
    String outOfRange();

    String message() default "{consoleForm.enterAWholeNumber}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<WholeNumber, String> {

        private WholeNumber number;

        /** The number typed, once {@link WholeNumber} holds. */
        static int parse(String typed) {
            return Integer.parseInt(TypedNumbers.plain(typed));
        }

        @Override
        public void initialize(WholeNumber number) {
            this.number = number;
        }

        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            return Problems.none(problem(typed), context);
        }

        private String problem(String typed) {
            if (typed == null || typed.isBlank()) {
                return number.blank();
            }
            String plain = TypedNumbers.plain(typed);
            if (!plain.matches("[+-]?\\d+")) {
                return number.notWhole();
            }
            if (!plain.matches("[+-]?0*\\d{1,9}")) {
                return number.outOfRange(); // a whole number, but far too large (or small) to be one of ours
            }
            int value = parse(typed);
            return value < number.min() || value > number.max() ? number.outOfRange() : null;
        }
    }
}
