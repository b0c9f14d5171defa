package io.licencedesk.devices;

import io.licencedesk.support.OnPostgres;

/** The same on a real PostgreSQL. */
@OnPostgres
class ScreenNameKeysPostgresIntegrationTests extends ScreenNameKeysIntegrationTests {}
