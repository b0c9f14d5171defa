package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The same scenario on a real PostgreSQL. */
@OnPostgres
class RestApiScenarioPostgresIntegrationTests extends RestApiScenarioIntegrationTests {}
