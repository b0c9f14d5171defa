package io.licencedesk.licence;

import io.licencedesk.support.OnPostgres;

/** The same export on a real PostgreSQL, where the rows come through a cursor and the search indexes run. */
@OnPostgres
class LicenceExportsPostgresIntegrationTests extends LicenceExportsIntegrationTests {}
