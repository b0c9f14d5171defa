package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The same sweep on a real PostgreSQL, whose answer_body is a bytea. */
@OnPostgres
class KeptAnswersHoldNoSecretPostgresIntegrationTests extends KeptAnswersHoldNoSecretIntegrationTests {}
