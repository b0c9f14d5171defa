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

/** An optional date as a date field sends it (2027-12-31): nothing, or a day that exists. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDateOrNone.Validator.class)
@interface IsoDateOrNone {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<IsoDateOrNone, String> {

        /** The day typed, or null when nothing (or no day) is typed. */
        static LocalDate parseOrNull(String typed) {
            if (typed == null || typed.isBlank()) {
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
