package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A licence as the CSV export writes it: what another organisation needs to create it again (client and plan
 * by e-mail and name), with its status and dates.
 */
public record ExportedLicence(
        long id,
        String couponCode,
        String name,
        String note,
        String clientEmail,
        String clientCompany,
        String planName,
        int quantity,
        Money amount,
        LifecycleStatus status,
        BillingStatus billingStatus,
        Instant createdAt,
        LocalDate activatedOn,
        LocalDate endsOn) {

    /**
     * The licence CSV's columns, in order (docs/csv.md): what the export writes and the import reads back, so an
     * export can be imported. Their names are stable.
     */
    public static final List<String> CSV_COLUMNS = List.of(
            "code",
            "name",
            "note",
            "client_email",
            "client_company",
            "plan",
            "screens",
            "amount",
            "currency",
            "status",
            "billing_status",
            "created",
            "activated",
            "ends");
}
