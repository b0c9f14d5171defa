package io.licencedesk.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * Text that holds no markup. Output is always escaped anyway; refusing tags at the door keeps them
 * out of PDFs, e-mails, CSV exports and API consumers that may not escape.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    String message() default "{form.plainText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        // A tag starts with "<" and at once a letter, "/", "!" or "?" (decision 0007): as in HTML, where "< b" is text.
        // Allowing a space between them refused "a < b", which the decision accepts.
        private static final Pattern TAG = Pattern.compile("<[/!?a-zA-Z]");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !TAG.matcher(value).find();
        }
    }
}
