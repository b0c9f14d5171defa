package io.licencedesk.accounts;

import java.time.LocalDate;

/** What a person asks for when making a token: a name to recognise it by, its access, an optional last day. */
public record NewApiToken(String name, ApiAccess access, LocalDate expiresOn) {}
