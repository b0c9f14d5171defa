package io.licencedesk.console;

import io.licencedesk.support.OnPostgres;

/** The same end-to-end flows on a real PostgreSQL, where search uses trigram indexes. */
@OnPostgres
class LicenceConsolePostgresBrowserTests extends LicenceConsoleBrowserTests {}
