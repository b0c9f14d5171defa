package io.licencedesk.renewals;

import io.licencedesk.support.OnPostgres;

/** The renewal cycle's tests on PostgreSQL: its row locks and ON CONFLICT are what keep two cycles apart. */
@OnPostgres
class RenewalCyclePostgresIntegrationTests extends RenewalCycleIntegrationTests {}
