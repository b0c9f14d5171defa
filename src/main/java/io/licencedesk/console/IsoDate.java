package io.licencedesk.console;

import io.licencedesk.shared.Today;
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

/**
 * A date such as 2026-11-29, as a date field sends it, with one message for each thing that can be wrong. Kept
 * as text for the reason given on {@link WholeNumber}. "Today" comes from Bean Validation's clock, which is the
 * application's.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDate.Validator.class)
@interface IsoDate {

    /** When nothing is typed. */
    String blank();

    /** When what is typed is no date. */
    String notADate();

    /** When the date is after the latest date any zone has reached; empty when a future date is fine. */
    String future() default "";

    String message() default "{consoleForm.enterADateSuchAs20261129}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<IsoDate, String> {

        private IsoDate date;

        /** The date typed, or null when it is none. */
        static LocalDate parseOrNull(String typed) {
            try {
                return typed == null ? null : LocalDate.parse(typed.strip());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }

        @Override
        public void initialize(IsoDate date) {
            this.date = date;
        }

        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            return Problems.none(problem(typed, context), context);
        }

        private String problem(String typed, ConstraintValidatorContext context) {
            if (typed == null || typed.isBlank()) {
                return date.blank();
            }
            LocalDate value = parseOrNull(typed);
            if (value == null) {
                return date.notADate();
            }
            // Future for everyone, not only for the server's zone (decision 0131).
            boolean future = value.isAfter(
                    Today.latestAnywhere(context.getClockProvider().getClock()));
            return future && !date.future().isEmpty() ? date.future() : null;
        }
    }
}
