package io.licencedesk.devices;

import io.licencedesk.support.OnPostgres;

/** The same behaviour on a real PostgreSQL. */
@OnPostgres
class ScreenManagementPostgresIntegrationTests extends ScreenManagementIntegrationTests {}
