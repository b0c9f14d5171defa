package io.licencedesk.api;

import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A yes/no query parameter of the API (expiringSoon, expired, and any added later) reads exactly true or false, in
 * any case. Spring's own conversion also takes yes, on, 1, no, off and 0, while the 400 for anything else says "true
 * or false", and the OpenAPI document says boolean: a program that sends ?expired=1 should learn at once that the
 * API does not take it. Anything else is the usual 400 bad-parameter naming the parameter (RestApiProblems). The pages are left alone: an HTML checkbox sends "on".
 */
@ControllerAdvice(basePackageClasses = RestApi.class)
class YesNoParameters {

    @InitBinder
    void readTrueOrFalseOnly(WebDataBinder binder) {
        binder.registerCustomEditor(boolean.class, new CustomBooleanEditor("true", "false", false));
        binder.registerCustomEditor(Boolean.class, new CustomBooleanEditor("true", "false", true));
    }
}
