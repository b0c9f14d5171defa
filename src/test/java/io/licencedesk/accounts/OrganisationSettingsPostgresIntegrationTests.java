package io.licencedesk.accounts;

import io.licencedesk.support.OnPostgres;

/** The same rule on PostgreSQL, where the other modules' "exists" queries run in production. */
@OnPostgres
class OrganisationSettingsPostgresIntegrationTests extends OrganisationSettingsIntegrationTests {}
