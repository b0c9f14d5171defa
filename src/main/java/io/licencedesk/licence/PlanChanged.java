package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.time.Instant;

/** An owner changed a plan; existing licences keep their term and price. Published only when something changed. */
public record PlanChanged(Caller actor, Plan before, Plan after, Instant occurredAt) {}
