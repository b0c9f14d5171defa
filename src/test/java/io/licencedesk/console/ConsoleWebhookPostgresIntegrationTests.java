package io.licencedesk.console;

import io.licencedesk.support.OnPostgres;

/** The same pages on a real PostgreSQL. */
@OnPostgres
class ConsoleWebhookPostgresIntegrationTests extends ConsoleWebhookIntegrationTests {}
