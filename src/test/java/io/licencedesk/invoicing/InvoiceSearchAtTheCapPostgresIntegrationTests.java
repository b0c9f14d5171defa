package io.licencedesk.invoicing;

import io.licencedesk.support.OnPostgres;

/**
 * The same on PostgreSQL, where a short term is looked for in list order or through the index of its pairs, by
 * PostgreSQL's estimate of its share, and a longer one through the trigram index.
 */
@OnPostgres
class InvoiceSearchAtTheCapPostgresIntegrationTests extends InvoiceSearchAtTheCapIntegrationTests {}
