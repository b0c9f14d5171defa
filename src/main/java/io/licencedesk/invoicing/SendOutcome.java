package io.licencedesk.invoicing;

import io.licencedesk.shared.Money;
import java.util.List;
import java.util.stream.Stream;

/**
 * What "Send invoices" did: invoices issued now, existing ones sent again, and existing ones whose e-mail was still
 * waiting to be sent, for which nothing more was queued or recorded (decision 0091).
 */
public record SendOutcome(List<Invoice> issued, List<Invoice> resent, List<Invoice> waiting) {

    /** The invoices e-mailed by this send: issued now or sent again. */
    public int count() {
        return issued.size() + resent.size();
    }

    /** The total of the invoices e-mailed by this send; null when it e-mailed none. */
    public Money total() {
        return Stream.concat(issued.stream(), resent.stream())
                .map(invoice -> invoice.totals().total())
                .reduce(Money::plus)
                .orElse(null);
    }

    /** The send's invoice for one licence, whichever way it went. */
    public Invoice only() {
        return Stream.of(issued, resent, waiting)
                .flatMap(List::stream)
                .findFirst()
                .orElseThrow();
    }
}
