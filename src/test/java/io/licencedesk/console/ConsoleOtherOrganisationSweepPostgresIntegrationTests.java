package io.licencedesk.console;

import io.licencedesk.support.OnPostgres;

/** The same sweep on a real PostgreSQL, where each lookup's organisation scope is the production statement's. */
@OnPostgres
class ConsoleOtherOrganisationSweepPostgresIntegrationTests extends ConsoleOtherOrganisationSweepIntegrationTests {}
