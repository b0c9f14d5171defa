package io.licencedesk.console;

import io.licencedesk.licence.NewLicence;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The "Add licence" form; an empty client means "Don't assign to a user". */
record AddLicenceForm(
        @NotNull(message = "Choose a plan.") Long planId,

        @NotBlank(message = "Enter a name.") @Size(max = 200, message = "Keep the name to 200 characters.") @PlainText
        String name,

        @Size(max = 2000, message = "Keep the note to 2,000 characters.") @PlainText
        String note,

        @WholeNumber(
                min = 1,
                max = 10_000,
                blank = "Enter the number of screens.",
                notWhole = "Enter a whole number of screens from 1 to 10,000.",
                outOfRange = "Enter a number of screens from 1 to 10,000.")
        String quantity,

        Long clientId) {

    static AddLicenceForm empty() {
        return new AddLicenceForm(null, null, null, "1", null);
    }

    NewLicence toNewLicence() {
        return new NewLicence(planId, name, note, WholeNumber.Validator.parse(quantity), clientId);
    }
}
