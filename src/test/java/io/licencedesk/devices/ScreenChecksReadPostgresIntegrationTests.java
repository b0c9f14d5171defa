package io.licencedesk.devices;

import io.licencedesk.support.OnPostgres;

/** The same reads on a real PostgreSQL. */
@OnPostgres
class ScreenChecksReadPostgresIntegrationTests extends ScreenChecksReadIntegrationTests {}
