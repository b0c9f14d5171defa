package io.licencedesk.licence;

import io.licencedesk.support.OnPostgres;

/** The same on PostgreSQL, where a term of two characters goes through the indexes of pairs. */
@OnPostgres
class ManyMatchingClientsPostgresIntegrationTests extends ManyMatchingClientsIntegrationTests {}
