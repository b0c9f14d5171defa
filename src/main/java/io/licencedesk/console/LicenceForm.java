package io.licencedesk.console;

import io.licencedesk.licence.EditedLicence;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;

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

        @ChosenId(message = "{typeMismatch.clientId}") String clientId,

        // The client named by e-mail, in the field a browser without JavaScript shows instead of the searched list
        // (decision 0136); null from the script's form, where clientId alone says who.
        @Size(max = 320, message = "{licenceForm.clientEmail.unknown}")
        String clientEmail,

        // The edit page's values as it was loaded, sent back in hidden fields: a field the person left as it was keeps
        // the licence's value at saving time, so that a page opened before someone else's edit does not undo it (an
        // assignment reverted, a new coupon code drawn). None on the add page: every field is then as typed.
        String loadedName,
        String loadedNote,
        String loadedQuantity,
        String loadedPlanId,
        String loadedClientId) {

    static LicenceForm empty() {
        return new LicenceForm(null, null, null, "1", null, null, null, null, null, null, null);
    }

    static LicenceForm of(LicenceDetails licence) {
        String planId = Long.toString(licence.plan().id());
        String quantity = Integer.toString(licence.quantity());
        String clientId =
                licence.client() == null ? "" : Long.toString(licence.client().id());
        String note = licence.note() == null ? "" : licence.note();
        return new LicenceForm(
                planId,
                licence.name(),
                note,
                quantity,
                clientId,
                null,
                licence.name(),
                note,
                quantity,
                planId,
                clientId);
    }

    /** This form with the client an e-mail address named (or none, or the one loaded when nobody has it). */
    LicenceForm withClientId(String id) {
        return new LicenceForm(
                planId,
                name,
                note,
                quantity,
                id,
                clientEmail,
                loadedName,
                loadedNote,
                loadedQuantity,
                loadedPlanId,
                loadedClientId);
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

    /** The licence as the edit form says it should become: what the person changed, over its current values. */
    EditedLicence over(EditedLicence current) {
        return current.withName(nameOver(current.name()))
                .withNote(noteOver(current.note()))
                .withQuantity(quantityOver(current.quantity()))
                .withPlanId(planIdOver(current.planId()))
                .withClientId(clientIdOver(current.clientId()));
    }

    String nameOver(String current) {
        return changed(name, loadedName) ? name : current;
    }

    String noteOver(String current) {
        return changed(note, loadedNote) ? note : current;
    }

    /** The quantity asked for; only called once the form accepted it. */
    Integer quantityOver(int current) {
        return changed(quantity, loadedQuantity) ? WholeNumber.Validator.parse(quantity) : current;
    }

    Long planIdOver(long current) {
        return changed(planId, loadedPlanId) ? chosenPlanId() : current;
    }

    Long clientIdOver(Long current) {
        return changed(clientId, loadedClientId) ? chosenClientId() : current;
    }

    /**
     * The fields the person changed that someone else changed too, to another value, since the page was loaded:
     * saving them would silently undo that other edit, so the person is shown it first. A field changed on one side
     * only, or to the same value on both, is no clash.
     */
    Set<String> clashesWith(EditedLicence current) {
        var clashes = new LinkedHashSet<String>();
        clash("name", name, loadedName, current.name(), clashes);
        clash("note", note, loadedNote, current.note(), clashes);
        clash("quantity", quantity, loadedQuantity, Integer.toString(current.quantity()), clashes);
        clash("planId", planId, loadedPlanId, Long.toString(current.planId()), clashes);
        clash("clientId", clientId, loadedClientId, idText(current.clientId()), clashes);
        return clashes;
    }

    private static void clash(String field, String submitted, String loaded, String now, Set<String> clashes) {
        if (loaded != null && changed(submitted, loaded) && changed(now, loaded) && changed(submitted, now)) {
            clashes.add(field);
        }
    }

    /**
     * This form again over the licence as it is now: what the person changed as they typed it, every other field and
     * the loaded values as the licence has them, so that saving once more replaces only what they changed.
     */
    LicenceForm over(LicenceDetails now) {
        LicenceForm current = of(now);
        return new LicenceForm(
                changed(planId, loadedPlanId) ? planId : current.planId(),
                changed(name, loadedName) ? name : current.name(),
                changed(note, loadedNote) ? note : current.note(),
                changed(quantity, loadedQuantity) ? quantity : current.quantity(),
                changed(clientId, loadedClientId) ? clientId : current.clientId(),
                null,
                current.loadedName(),
                current.loadedNote(),
                current.loadedQuantity(),
                current.loadedPlanId(),
                current.loadedClientId());
    }

    private static String idText(Long id) {
        return id == null ? "" : Long.toString(id);
    }

    /** Whether the person changed the field; a form that did not say how it was loaded changed every field. */
    private static boolean changed(String submitted, String loaded) {
        return loaded == null || !blankAsNone(submitted).equals(blankAsNone(loaded));
    }

    private static String blankAsNone(String value) {
        return value == null ? "" : value.strip();
    }
}
