package io.licencedesk.licence;

import io.licencedesk.support.OnPostgres;

/**
 * The same on a real PostgreSQL, where a statement refused by a unique index leaves its transaction unable to run
 * another: the refusal is said without reading anything more, and the transaction is rolled back.
 */
@OnPostgres
class UniqueIndexesBehindTheChecksPostgresIntegrationTests extends UniqueIndexesBehindTheChecksIntegrationTests {}
