package io.licencedesk.invoicing;

import io.licencedesk.support.OnPostgres;

/** The same on PostgreSQL. */
@OnPostgres
class InvoicePricedRecordsPostgresIntegrationTests extends InvoicePricedRecordsIntegrationTests {}
