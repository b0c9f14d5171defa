package io.licencedesk.console;

import io.licencedesk.licence.EditedLicence;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The "Add licence" and "Edit licence" forms: a licence as the account manager enters it, an empty client meaning
 * "Don't assign to a user" (Available). When an edit may not change the plan and client, the page sends their current
 * values in hidden fields. Ids and the quantity are kept as text, so that every field is checked at once.
 */
record LicenceForm(
        @NotBlank(message = "{licenceForm.plan.required}") @ChosenId(message = "{typeMismatch.planId}")
        String planId,

        @NotBlank(message = "{licenceForm.name.required}")
        @Size(max = 200, message = "{licenceForm.name.tooLong}")
        @PlainText
        String name,

        @Size(max = 2000, message = "{licenceForm.note.tooLong}") @PlainText
        String note,

        @WholeNumber(
                min = 1,
                max = 10_000,
                blank = "{licenceForm.quantity.blank}",
                notWhole = "{licenceForm.quantity.notWhole}",
                outOfRange = "{licenceForm.quantity.outOfRange}")
        String quantity,

        @ChosenId(message = "{typeMismatch.clientId}") String clientId) {

    static LicenceForm empty() {
        return new LicenceForm(null, null, null, "1", null);
    }

    static LicenceForm of(LicenceDetails licence) {
        return new LicenceForm(
                Long.toString(licence.plan().id()),
                licence.name(),
                licence.note(),
                Integer.toString(licence.quantity()),
                licence.client() == null ? null : Long.toString(licence.client().id()));
    }

    /** The plan chosen, or null when none is (or the form refused what was sent). */
    Long chosenPlanId() {
        return ChosenId.Validator.parse(planId);
    }

    /** The client chosen, or null for "Don't assign to a user". */
    Long chosenClientId() {
        return ChosenId.Validator.parse(clientId);
    }

    NewLicence toNewLicence() {
        return new NewLicence(chosenPlanId(), name, note, WholeNumber.Validator.parse(quantity), chosenClientId());
    }

    /** The licence as the edit form says it should become. */
    EditedLicence over(EditedLicence current) {
        return current.withName(name)
                .withNote(note)
                .withQuantity(WholeNumber.Validator.parse(quantity))
                .withPlanId(chosenPlanId())
                .withClientId(chosenClientId());
    }
}
