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
 * The id of what a drop-down offers, as the form sends it: digits, or nothing for none. Kept as text for the reason
 * {@link WholeNumber} gives: a tampered "abc" that Spring cannot convert would leave the record unbuilt, and with it
 * the other fields' errors unshown. Whether the id is one of the organisation's is for the domain to say.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChosenId.Validator.class)
@interface ChosenId {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ChosenId, String> {

        /** The id sent, or null for none and for what {@link ChosenId} refuses. */
        static Long parse(String sent) {
            return sent != null && sent.strip().matches("\\d{1,18}") ? Long.valueOf(sent.strip()) : null;
        }

        @Override
        public boolean isValid(String sent, ConstraintValidatorContext context) {
            return sent == null || sent.isBlank() || parse(sent) != null;
        }
    }
}
