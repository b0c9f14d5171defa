package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The same behaviour on a real PostgreSQL. */
@OnPostgres
class WebhookEndpointApiPostgresIntegrationTests extends WebhookEndpointApiIntegrationTests {}
