package io.licencedesk.webhooks;

import io.licencedesk.support.OnPostgres;

/** The same deliveries on a real PostgreSQL: its claims, leases and the once-only notices of ending terms. */
@OnPostgres
class WebhookDeliveryPostgresIntegrationTests extends WebhookDeliveryIntegrationTests {}
