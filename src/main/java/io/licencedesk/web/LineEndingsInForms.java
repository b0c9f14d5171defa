package io.licencedesk.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The pages' text fields keep their line breaks as "\n", as the REST API, the CSV import and the demo data give them.
 * A browser sends a text area's line breaks as "\r\n" (HTML's form submission): saving an organisation's address, a
 * client's billing address, a licence's note or the payment instructions as they were changed "\n" to "\r\n", which
 * said "Settings saved." and recorded in the audit log and the licence's history a change that reads the same on both
 * sides; and "\r\n" counted two characters against a limit the text area counts as one.
 */
@ControllerAdvice(basePackages = {"io.licencedesk.console", "io.licencedesk.portal"})
class LineEndingsInForms {

    @InitBinder
    void lineBreaksAsTheyAreStored(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n'));
            }
        });
    }
}
