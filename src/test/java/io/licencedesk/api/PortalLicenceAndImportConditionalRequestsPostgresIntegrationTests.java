package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The same conditional requests on a portal licence and an import on a real PostgreSQL, whose row locks differ. */
@OnPostgres
class PortalLicenceAndImportConditionalRequestsPostgresIntegrationTests
        extends PortalLicenceAndImportConditionalRequestsIntegrationTests {}
