package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The same conditional requests on a real PostgreSQL, whose row locks and read-committed reads differ from H2's. */
@OnPostgres
class ConditionalRequestsPostgresIntegrationTests extends ConditionalRequestsIntegrationTests {}
