package io.licencedesk.invoicing;

import io.licencedesk.shared.Money;
import java.util.List;

/** What "Send invoices" did: invoices issued now, and existing ones sent again. */
public record SendOutcome(List<Invoice> issued, List<Invoice> resent) {

    public int count() {
        return issued.size() + resent.size();
    }

    public Money total() {
        return java.util.stream.Stream.concat(issued.stream(), resent.stream())
                .map(invoice -> invoice.totals().total())
                .reduce(Money::plus)
                .orElse(null);
    }
}
