package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The same concurrent changes on a real PostgreSQL. */
@OnPostgres
class ConcurrentPatchesPostgresIntegrationTests extends ConcurrentPatchesIntegrationTests {}
