package io.licencedesk.console;

import io.licencedesk.support.OnPostgres;

/** The same page and download on a real PostgreSQL, where the export streams through a cursor. */
@OnPostgres
class ConsoleAuditPostgresIntegrationTests extends ConsoleAuditIntegrationTests {}
