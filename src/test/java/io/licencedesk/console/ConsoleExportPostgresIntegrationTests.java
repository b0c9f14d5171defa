package io.licencedesk.console;

import io.licencedesk.support.OnPostgres;

/** The same downloads on a real PostgreSQL, where the rows stream through a cursor. */
@OnPostgres
class ConsoleExportPostgresIntegrationTests extends ConsoleExportIntegrationTests {}
