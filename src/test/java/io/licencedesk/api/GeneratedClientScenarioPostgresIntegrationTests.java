package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The generated client's scenario on a real PostgreSQL. */
@OnPostgres
class GeneratedClientScenarioPostgresIntegrationTests extends GeneratedClientScenarioIntegrationTests {}
