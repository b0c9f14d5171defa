package io.licencedesk.console;

import io.licencedesk.support.OnPostgres;

/** The same figures on a real PostgreSQL, where they are read from the tallies its triggers keep. */
@OnPostgres
class ConsoleDashboardPostgresIntegrationTests extends ConsoleDashboardIntegrationTests {}
