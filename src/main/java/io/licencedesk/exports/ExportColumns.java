package io.licencedesk.exports;

import io.licencedesk.accounts.ExportedClient;
import io.licencedesk.audit.AuditEntry;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.licence.ExportedLicence;
import io.licencedesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of the CSV exports and how each value is written (docs/csv.md). The licence columns are
 * also what an import reads back, so their names and formats stay as they are: dates ISO 8601, amounts plain
 * decimals with the currency in its own column, statuses the REST API's lower-case words.
 */
final class ExportColumns {

    static final List<String> LICENCES = ExportedLicence.CSV_COLUMNS;

    static final List<String> INVOICES = List.of(
            "number",
            "issued",
            "due",
            "client_name",
            "client_company",
            "client_email",
            "client_vat_number",
            "code",
            "plan",
            "net",
            "vat_rate",
            "vat",
            "total",
            "currency",
            "status",
            "paid",
            "payment_reference",
            "reverse_charge",
            "void_reason",
            "licence_name",
            "term_start",
            "term_end",
            "outside_eu_vat",
            "screens",
            "unit_price");

    static final List<String> CLIENTS =
            List.of("name", "email", "company", "billing_address", "vat_number", "portal_access", "enabled", "created");

    static final List<String> AUDIT =
            List.of("id", "time", "who", "address", "object_type", "object_id", "object", "action", "changes");

    /** The columns whose values are decimal numbers, written with a decimal comma in a semicolon file. */
    static final Set<String> DECIMALS = Set.of("amount", "net", "vat_rate", "vat", "total", "unit_price");

    private ExportColumns() {}

    static String[] of(ExportedLicence licence) {
        return new String[] {
            licence.couponCode(),
            licence.name(),
            licence.note(),
            licence.clientEmail(),
            licence.clientCompany(),
            licence.planName(),
            Integer.toString(licence.quantity()),
            amount(licence.amount()),
            licence.amount().currency().getCurrencyCode(),
            word(licence.status()),
            word(licence.billingStatus()),
            instant(licence.createdAt()),
            date(licence.activatedOn()),
            date(licence.endsOn())
        };
    }

    static String[] of(Invoice invoice) {
        var buyer = invoice.buyer();
        var totals = invoice.totals();
        return new String[] {
            invoice.number(),
            date(invoice.issuedOn()),
            date(invoice.dueOn()),
            buyer.name(),
            buyer.company(),
            buyer.email(),
            buyer.vatNumber(),
            invoice.line().couponCode(),
            invoice.line().planName(),
            amount(totals.subtotal()),
            totals.vatRate().toPlainString(),
            amount(totals.vat()),
            amount(totals.total()),
            totals.total().currency().getCurrencyCode(),
            word(invoice.status()),
            date(invoice.paidOn()),
            invoice.paymentReference(),
            Boolean.toString(totals.reverseCharge()),
            invoice.voidReason(),
            invoice.line().licenceName(),
            date(invoice.line().termStart()),
            date(invoice.line().termEnd()),
            Boolean.toString(totals.outsideEuVat()),
            Integer.toString(invoice.line().quantity()),
            amount(invoice.line().unitPrice())
        };
    }

    static String[] of(ExportedClient client) {
        return new String[] {
            client.name(),
            client.email(),
            client.company(),
            client.billingAddress(),
            client.vatNumber(),
            word(client.access()),
            Boolean.toString(client.enabled()),
            instant(client.createdAt())
        };
    }

    /**
     * An entry of the audit log as the page shows it: who is empty for the system and screens; the changes are
     * "field: before → after" (a side without a value left empty), joined by "; ", the ids the page hides left out.
     */
    static String[] of(AuditEntry entry) {
        return new String[] {
            Long.toString(entry.id()),
            instant(entry.occurredAt()),
            entry.actorEmail(),
            entry.address(),
            word(entry.subject()),
            entry.subjectId() == null ? null : entry.subjectId().toString(),
            entry.subjectLabel(),
            entry.action().toLowerCase(Locale.ROOT),
            entry.changes().stream()
                    .filter(change -> !change.internal())
                    .map(change -> change.field() + ":" + text(change.before()) + " →" + text(change.after()))
                    .collect(Collectors.joining("; "))
        };
    }

    /** A value with the space before it, or nothing when there is none: "status: Available → Paused", "note: → Hall". */
    private static String text(String value) {
        return value == null ? "" : " " + value;
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** To the second, in UTC: {@code 2026-03-01T09:15:42Z}, the text of Instant.toString. */
    private static String instant(Instant instant) {
        var utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        // By hand: Instant.toString goes through a DateTimeFormatter, 135 ns a value against 50 (a million licences).
        char[] text = "0000-00-00T00:00:00Z".toCharArray();
        digits(text, 4, utc.getYear());
        digits(text, 7, utc.getMonthValue());
        digits(text, 10, utc.getDayOfMonth());
        digits(text, 13, utc.getHour());
        digits(text, 16, utc.getMinute());
        digits(text, 19, utc.getSecond());
        return new String(text);
    }

    /** Writes the number's digits into the zeros that end just before {@code end}. */
    private static void digits(char[] text, int end, int number) {
        for (int i = end - 1; number > 0; i--, number /= 10) {
            text[i] = (char) ('0' + number % 10);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
