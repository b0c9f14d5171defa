package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import io.licencedesk.shared.Reason;
import java.time.Instant;
import java.time.LocalDate;

/** One line of the main list. */
public record LicenceRow(
        long id,
        String couponCode,
        String name,
        Long clientId,
        String clientName,
        String clientEmail,
        String clientCompany,
        String planName,
        int quantity,
        Money amount,
        LifecycleStatus status,
        BillingStatus billingStatus,
        boolean expiringSoon,
        Instant createdAt,
        LocalDate endsOn,
        boolean pausable,
        boolean resumable,
        Reason deletionRefusal,
        boolean billable) {}
