package io.licencedesk.web;

import io.licencedesk.support.OnPostgres;

/** The same on a real PostgreSQL, whose varchar(n) holds n characters of any kind. */
@OnPostgres
class TextLengthsInCharactersPostgresIntegrationTests extends TextLengthsInCharactersIntegrationTests {}
