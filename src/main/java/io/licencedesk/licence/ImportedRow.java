package io.licencedesk.licence;

import java.time.LocalDate;

/**
 * A row of an import file that passed the check: the licence it becomes.
 *
 * @param line where the row starts in the file (1 is the header), where a person looks for it
 * @param importKey what makes a second import of the row create nothing (decision 0047)
 * @param givenCode the file's coupon code when it is a valid one and no other organisation's licence has it, else null
 * @param drawnCode a fresh code, used when there is no given code or another licence has it
 */
record ImportedRow(
        int line,
        String importKey,
        String givenCode,
        String drawnCode,
        Plan plan,
        String name,
        String note,
        int quantity,
        Long clientId,
        boolean paused,
        LocalDate activatedOn,
        LocalDate endsOn) {

    /** The same row under its drawn code: another organisation's licence has the given one. */
    ImportedRow underDrawnCode() {
        return new ImportedRow(
                line, importKey, null, drawnCode, plan, name, note, quantity, clientId, paused, activatedOn, endsOn);
    }
}
