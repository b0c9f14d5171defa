package io.licencedesk.invoicing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the invoice lists filter by, in the console and the REST API alike: one of an invoice's statuses, or a group
 * of them. The one place that says which statuses each group holds, so that the two channels cannot disagree.
 *
 * <p>Read without regard to case, spaces around it, or a hyphen or an underscore between words: the console's links
 * (and the dashboard's) have always written {@code not-void}, the API documents {@code not_void}, and each channel
 * reads both.
 */
public enum InvoiceStatusChoice {
    ISSUED(EnumSet.of(InvoiceStatus.ISSUED), false),
    SENT(EnumSet.of(InvoiceStatus.SENT), false),
    PAID(EnumSet.of(InvoiceStatus.PAID), false),
    VOID(EnumSet.of(InvoiceStatus.VOID), false),
    /** Still to pay: issued or sent. */
    UNPAID(EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.SENT), false),
    /** Still to pay after its due date. */
    OVERDUE(EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.SENT), true),
    /** Every invoice that counts for its term, as the dashboard's "invoiced in a month" adds them up. */
    NOT_VOID(EnumSet.complementOf(EnumSet.of(InvoiceStatus.VOID)), false);

    private final Set<InvoiceStatus> statuses;
    private final boolean overdue;

    InvoiceStatusChoice(Set<InvoiceStatus> statuses, boolean overdue) {
        this.statuses = Set.copyOf(statuses);
        this.overdue = overdue;
    }

    /** The choice a query string names, or empty when the text names none (null and blank included). */
    public static Optional<InvoiceStatusChoice> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (InvoiceStatusChoice choice : values()) {
            if (choice.name().equals(wanted)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }

    /** The choice of exactly this one status. */
    public static InvoiceStatusChoice of(InvoiceStatus status) {
        return valueOf(status.name());
    }

    /** Whether it stands for several statuses (or a condition beyond the status) rather than one status. */
    public boolean group() {
        return ordinal() > VOID.ordinal();
    }

    public Set<InvoiceStatus> statuses() {
        return statuses;
    }

    /** Whether it also asks for the due date to have passed. */
    public boolean overdue() {
        return overdue;
    }
}
