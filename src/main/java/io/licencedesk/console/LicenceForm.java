package io.licencedesk.console;

import io.licencedesk.licence.EditedLicence;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The "Add licence" and "Edit licence" forms: a licence as the account manager enters it, an empty client meaning
 * "Don't assign to a user" (Available). When an edit may not change the plan and client, the page sends their current
 * values in hidden fields.
 */
record LicenceForm(
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

    static LicenceForm empty() {
        return new LicenceForm(null, null, null, "1", null);
    }

    static LicenceForm of(LicenceDetails licence) {
        return new LicenceForm(
                licence.plan().id(),
                licence.name(),
                licence.note(),
                Integer.toString(licence.quantity()),
                licence.client() == null ? null : licence.client().id());
    }

    NewLicence toNewLicence() {
        return new NewLicence(planId, name, note, WholeNumber.Validator.parse(quantity), clientId);
    }

    /** The licence as the edit form says it should become. */
    EditedLicence over(EditedLicence current) {
        return current.withName(name)
                .withNote(note)
                .withQuantity(WholeNumber.Validator.parse(quantity))
                .withPlanId(planId)
                .withClientId(clientId);
    }
}
