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
 * A number of screens as typed in a form: a whole number from 1 to 10,000, with a message for what is
 * wrong. Kept as text rather than a number so that "1.5" or "abc" is one more field error: a record that
 * Spring cannot build (a number field it cannot convert) would hide the errors of the other fields.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ScreenCount.Validator.class)
@interface ScreenCount {

    String message() default "Enter a number of screens from 1 to 10,000.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ScreenCount, String> {

        /** The number typed, once {@link ScreenCount} holds. */
        static int parse(String typed) {
            return Integer.parseInt(typed.strip());
        }

        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            String problem = problem(typed);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        private static String problem(String typed) {
            if (typed == null || typed.isBlank()) {
                return "Enter the number of screens.";
            }
            if (!typed.strip().matches("[+-]?\\d{1,9}")) {
                return "Enter a whole number of screens from 1 to 10,000.";
            }
            int screens = parse(typed);
            return screens < 1 || screens > 10_000 ? "Enter a number of screens from 1 to 10,000." : null;
        }
    }
}
