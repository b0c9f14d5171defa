package io.licencedesk.audit;

import io.licencedesk.support.OnPostgres;

/** The same log on a real PostgreSQL: its trigram searches, its cursor export and its PL/pgSQL append-only trigger. */
@OnPostgres
class AuditLogPostgresIntegrationTests extends AuditLogIntegrationTests {}
