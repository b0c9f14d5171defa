package io.licencedesk.licence;

/** Where a licence import stands (decision 0047). */
public enum ImportStatus {
    /** A node reads and checks the file. */
    CHECKING,
    /** The report is ready; nothing is saved until the manager confirms. */
    CHECKED,
    /** The file as a whole is not a licence CSV. */
    REFUSED,
    /** Confirmed: the licences are being created, all in one transaction. */
    IMPORTING,
    IMPORTED,
    /** The manager threw the check away. */
    DISCARDED,
    /** The server stopped during the check; nothing was saved and the file must be sent again. */
    INTERRUPTED;

    /** Still moving: its page follows it. */
    public boolean running() {
        return this == CHECKING || this == IMPORTING;
    }
}
