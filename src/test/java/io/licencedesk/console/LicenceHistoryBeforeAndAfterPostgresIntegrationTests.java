package io.licencedesk.console;

import io.licencedesk.support.OnPostgres;

/** The same history on a real PostgreSQL, where the states are read back from its JSON text. */
@OnPostgres
class LicenceHistoryBeforeAndAfterPostgresIntegrationTests extends LicenceHistoryBeforeAndAfterIntegrationTests {}
