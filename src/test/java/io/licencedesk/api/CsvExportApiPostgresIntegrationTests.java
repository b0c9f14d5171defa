package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The API's downloads on a real PostgreSQL, where the rows stream through a cursor. */
@OnPostgres
class CsvExportApiPostgresIntegrationTests extends CsvExportApiIntegrationTests {}
