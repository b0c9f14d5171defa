package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;

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
        LocalDate endsOn) {}
