package io.licencedesk.console;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A decimal number from {@link #min} to {@link #max} (both included) with at most {@link #fraction} decimals, as
 * typed in a form, with one message for each thing that can be wrong. Kept as text for the reason given on
 * {@link WholeNumber}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DecimalNumber.Validator.class)
@interface DecimalNumber {

    String min();

    String max();

    int fraction();

    /** When nothing is typed. */
    String blank();

    /**
     * When what is typed is no decimal number such as 7.5 (7,5 on a French page; {@link TypedNumbers}), or is
     * absurdly long.
     */
    String notANumber();

    String belowMin();

    String aboveMax();

    /** When the number has more than {@link #fraction} decimals (trailing zeros do not count). */
    String tooPrecise();

    String message() default "{consoleForm.enterANumber}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<DecimalNumber, String> {

        /** Longer is no sensible amount, and is not worth parsing. */
        private static final int MAX_LENGTH = 40;

        private DecimalNumber number;

        /** The number typed, once {@link DecimalNumber} holds. */
        static BigDecimal parse(String typed) {
            return new BigDecimal(TypedNumbers.plain(typed));
        }

        @Override
        public void initialize(DecimalNumber number) {
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
            String stripped = TypedNumbers.plain(typed);
            if (stripped.length() > MAX_LENGTH || !stripped.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                return number.notANumber();
            }
            BigDecimal value = parse(stripped);
            if (value.stripTrailingZeros().scale() > number.fraction()) {
                return number.tooPrecise();
            }
            if (value.compareTo(new BigDecimal(number.min())) < 0) {
                return number.belowMin();
            }
            return value.compareTo(new BigDecimal(number.max())) > 0 ? number.aboveMax() : null;
        }
    }
}
