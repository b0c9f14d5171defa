package io.licencedesk.console;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a form constraint's one problem, in its own words, in place of the constraint's default message. */
final class Problems {

    private Problems() {}

    /** True when there is no problem (null); otherwise reports it and returns false. */
    static boolean none(String problem, ConstraintValidatorContext context) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}
