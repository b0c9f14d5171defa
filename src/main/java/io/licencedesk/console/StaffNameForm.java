package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member of staff's own name, as the navigation and the audit log show it. */
record StaffNameForm(
        @NotBlank(message = "{people.name.required}") @Size(max = 200, message = "{people.name.tooLong}") @PlainText
        String name) {}
