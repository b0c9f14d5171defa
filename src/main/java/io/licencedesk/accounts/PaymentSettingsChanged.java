package io.licencedesk.accounts;

import java.time.Instant;

/** An owner changed the payment details printed on invoices; published only when something changed. */
public record PaymentSettingsChanged(Caller actor, PaymentSettings before, PaymentSettings after, Instant occurredAt) {}
