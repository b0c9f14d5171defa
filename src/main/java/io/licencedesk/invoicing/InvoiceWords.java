package io.licencedesk.invoicing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An invoice's words in its client's language (decision 0053), for its e-mail and its PDF: the term, the dates and
 * the lines that say how to pay. The invoice records its facts, not words, apart from the term's label, recorded in
 * English when it was issued: a term not yet started is read back from it.
 */
@Component
class InvoiceWords {

    private final MessageSource messages;

    InvoiceWords(MessageSource messages) {
        this.messages = messages;
    }

    String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** "4 December 2026", "4 décembre 2026". */
    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    /** "1 Dec 2026 – 30 Nov 2027", or for a term not started yet "1 year from the day it is first used". */
    String term(Invoice invoice, Locale locale) {
        return invoice.line().term(locale);
    }

    /** The seller's VAT number and company registration as the PDF's heading gives them, those it recorded. */
    List<String> sellerIdentity(Invoice invoice, Locale locale) {
        List<String> lines = new ArrayList<>();
        if (invoice.seller().vatNumber() != null) {
            lines.add(text(locale, "invoice.pdf.vatNumber", invoice.seller().vatNumber()));
        }
        if (invoice.seller().registration() != null) {
            lines.add(text(locale, "invoice.pdf.registration", invoice.seller().registration()));
        }
        return lines;
    }

    /**
     * The lines that tell the client how to pay, as on the PDF: the reverse-charge mention (decision 0052), bank
     * account, instructions, payment link. None for an invoice that asks for no payment.
     */
    List<String> howToPay(Invoice invoice, Locale locale) {
        List<String> lines = new ArrayList<>();
        String noVat = invoice.totals().noVatMention(locale);
        if (noVat != null) {
            lines.add(noVat);
        }
        if (!invoice.payable()) {
            return lines; // paid: nothing more to pay, and no way to pay it twice
        }
        Invoice.Payment payment = invoice.seller().payment();
        if (payment.iban() != null) {
            lines.add(
                    payment.bic() != null
                            ? text(locale, "invoice.bankTransferBic", payment.ibanGrouped(), payment.bic())
                            : text(locale, "invoice.bankTransfer", payment.ibanGrouped()));
        }
        if (payment.instructions() != null) {
            lines.add(payment.instructions());
        }
        if (payment.link() != null) {
            lines.add(text(locale, "invoice.payOnline", payment.link()));
        }
        return lines;
    }
}
