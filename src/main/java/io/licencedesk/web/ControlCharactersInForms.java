package io.licencedesk.web;

import io.licencedesk.shared.ControlCharacters;
import java.lang.reflect.RecordComponent;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text field of every form refuses control characters (NUL, which PostgreSQL cannot store, was a 500 on
 * thirteen forms), beside the field and before anything is saved: one rule added to every form's validation,
 * so that a new form has it too.
 */
@ControllerAdvice
class ControlCharactersInForms {

    static final String MESSAGE = "Remove the control characters: they cannot be saved.";

    private static final Validator TEXT_FIELDS = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object form, Errors errors) {
            if (form.getClass().isRecord()) {
                for (RecordComponent component : form.getClass().getRecordComponents()) {
                    check(component.getName(), errors);
                }
            } else {
                for (var property : new BeanWrapperImpl(form).getPropertyDescriptors()) {
                    if (property.getReadMethod() != null && property.getPropertyType() == String.class) {
                        check(property.getName(), errors);
                    }
                }
            }
        }

        private static void check(String field, Errors errors) {
            if (errors.getFieldValue(field) instanceof String text && ControlCharacters.in(text)) {
                // The code is a key of the messages, so the page says it in its language; MESSAGE is the English
                // default.
                errors.rejectValue(field, "controlCharacters", MESSAGE);
            }
        }
    };

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.addValidators(TEXT_FIELDS);
    }
}
