package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The same conditional requests on a plan and an invoice on a real PostgreSQL, whose row locks differ from H2's. */
@OnPostgres
class PlanAndInvoiceConditionalRequestsPostgresIntegrationTests
        extends PlanAndInvoiceConditionalRequestsIntegrationTests {}
