package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The portal's pages of a licence's screens on a real PostgreSQL, whose paging SQL the H2 run does not prove. */
@OnPostgres
class PortalScreensApiPostgresIntegrationTests extends PortalScreensApiIntegrationTests {}
