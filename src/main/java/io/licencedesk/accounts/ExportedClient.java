package io.licencedesk.accounts;

import java.time.Instant;

/** A client as the CSV export writes it: their details, whether they can sign in, and when they were added. */
public record ExportedClient(
        String name,
        String email,
        String company,
        String billingAddress,
        String vatNumber,
        ClientAccess access,
        boolean enabled,
        Instant createdAt) {}
