package io.licencedesk.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * An optional date as a date field sends it (2027-12-31): nothing, or a day that exists with a four-digit year. ISO
 * 8601 also reads +999999999-12-31, a day after which no day can be counted and which no database column holds.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDateOrNone.Validator.class)
@interface IsoDateOrNone {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<IsoDateOrNone, String> {

        private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        /** The day typed, or null when nothing (or no day) is typed. */
        static LocalDate parseOrNull(String typed) {
            if (typed == null || !DAY.matcher(typed.strip()).matches()) {
                return null;
            }
            try {
                return LocalDate.parse(typed.strip());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }

        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            return typed == null || typed.isBlank() || parseOrNull(typed) != null;
        }
    }
}
