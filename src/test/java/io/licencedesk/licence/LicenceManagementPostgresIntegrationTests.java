package io.licencedesk.licence;

import io.licencedesk.support.OnPostgres;

/** The same behaviour on a real PostgreSQL, where the trigram indexes and keyset paging run. */
@OnPostgres
class LicenceManagementPostgresIntegrationTests extends LicenceManagementIntegrationTests {}
