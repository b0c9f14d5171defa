package io.licencedesk.console;

import io.licencedesk.support.OnPostgres;

/** The same imports on a real PostgreSQL, where the import's statements and their ON CONFLICT matter most. */
@OnPostgres
class ConsoleImportPostgresIntegrationTests extends ConsoleImportIntegrationTests {}
