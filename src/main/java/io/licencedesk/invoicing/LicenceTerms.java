package io.licencedesk.invoicing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A licence's terms as the console's and the portal's licence pages show them (decision 0141): the one running today,
 * the next one when a renewal booked it ahead, and the earlier ones, each from its first to its last day, both
 * included. The licence keeps only its latest term; an earlier term's dates are the ones its invoice states (every
 * renewal invoices the term it starts, and the running term first when it was not billed, decisions 0048 and 0065). A
 * first term invoiced before activation has no dates on its invoice: it started on the activation date, and its last
 * day is then not said.
 *
 * @param current the term running today, or null (not activated, ended, or none known)
 * @param next the term a renewal booked, starting after today, or null
 * @param past the terms that ended, the latest first
 */
public record LicenceTerms(Term current, Term next, List<Term> past) {

    /** A term, numbered from 1; {@code end} is null only for a first term whose invoice did not date it. */
    public record Term(int number, LocalDate start, LocalDate end) {}

    /**
     * @param licenceId the licence
     * @param termNumber its latest term's number
     * @param termStartsOn its latest term's first day, null until activated (then it has no dated term)
     * @param activatedOn its first term's first day
     * @param endsOn its latest term's last day
     * @param invoices its invoices, any order, void ones too (they state their terms as well)
     */
    public static LicenceTerms of(
            long licenceId,
            int termNumber,
            LocalDate termStartsOn,
            LocalDate activatedOn,
            LocalDate endsOn,
            List<Invoice> invoices,
            LocalDate today) {
        if (termStartsOn == null) {
            return new LicenceTerms(null, null, List.of());
        }
        Map<Integer, Term> terms = new TreeMap<>();
        for (Invoice invoice : invoices) {
            Invoice.Line line = invoice.line();
            if (line.licenceId() == licenceId && line.termNumber() < termNumber) {
                if (line.termStart() != null && line.termEnd() != null) {
                    terms.put(line.termNumber(), new Term(line.termNumber(), line.termStart(), line.termEnd()));
                } else if (line.termNumber() == 1 && activatedOn != null) {
                    terms.putIfAbsent(1, new Term(1, activatedOn, null));
                }
            }
        }
        terms.put(termNumber, new Term(termNumber, termStartsOn, endsOn));
        Term current = null;
        Term next = null;
        List<Term> past = new ArrayList<>();
        for (Term term : terms.values()) {
            if (term.start().isAfter(today)) {
                next = term;
            } else if (term.end() == null
                    ? laterTermBegun(terms, today)
                    : term.end().isBefore(today)) {
                past.add(0, term);
            } else {
                current = term;
            }
        }
        return new LicenceTerms(current, next, past);
    }

    /** An undated first term ran until the second began. */
    private static boolean laterTermBegun(Map<Integer, Term> terms, LocalDate today) {
        return terms.values().stream()
                .anyMatch(term -> term.number() > 1 && !term.start().isAfter(today));
    }
}
