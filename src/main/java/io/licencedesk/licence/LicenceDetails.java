package io.licencedesk.licence;

import io.licencedesk.accounts.Client;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.Reason;
import java.time.Instant;
import java.time.LocalDate;

/** Everything the details page shows about one licence. */
public record LicenceDetails(
        long id,
        CouponCode couponCode,
        String name,
        String note,
        Plan plan,
        String termLabel,
        Money unitPrice,
        int quantity,
        Money amount,
        Client client,
        LifecycleStatus status,
        boolean expiringSoon,
        BillingStatus billingStatus,
        Instant createdAt,
        LocalDate activatedOn,
        LocalDate endsOn,
        Reason deletionRefusal,
        Reason planAndClientLock,
        boolean pausable,
        boolean resumable) {}
