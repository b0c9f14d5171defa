package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.time.Instant;

/** An owner added a plan. */
public record PlanAdded(Caller actor, Plan plan, Instant occurredAt) {}
