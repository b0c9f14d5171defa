package io.licencedesk.invoicing;

import io.licencedesk.support.OnPostgres;

/**
 * The same on PostgreSQL: the invoice's new column (V54), and the dashboard's and the list's figures read from the
 * tallies its triggers keep (V23, V40).
 */
@OnPostgres
class InvoiceAsAnAccountantReadsItPostgresIntegrationTests extends InvoiceAsAnAccountantReadsItIntegrationTests {}
