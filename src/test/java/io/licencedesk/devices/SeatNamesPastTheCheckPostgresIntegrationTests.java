package io.licencedesk.devices;

import io.licencedesk.support.OnPostgres;

/** The same on a real PostgreSQL, which fails every later statement of a transaction after one failed. */
@OnPostgres
class SeatNamesPastTheCheckPostgresIntegrationTests extends SeatNamesPastTheCheckIntegrationTests {}
