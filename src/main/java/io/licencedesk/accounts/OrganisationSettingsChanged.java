package io.licencedesk.accounts;

import java.time.Instant;

/** An owner changed the organisation's settings; published only when something changed. */
public record OrganisationSettingsChanged(
        Caller actor, OrganisationSettings before, OrganisationSettings after, Instant occurredAt) {}
