package io.licencedesk.web;

import io.licencedesk.support.OnPostgres;

/** The same count of session rows on a real PostgreSQL, where Spring Session's table lives in production. */
@OnPostgres
class SignInSessionsAtTheServerPostgresTests extends SignInSessionsAtTheServerTests {}
