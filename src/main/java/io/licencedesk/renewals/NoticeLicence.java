package io.licencedesk.renewals;

import java.time.LocalDate;

/** What a client's notice is about, and the language the client chose (a code, or null: the organisation's). */
record NoticeLicence(
        long organisationId,
        long licenceId,
        String name,
        String couponCode,
        LocalDate endsOn,
        String clientName,
        String clientEmail,
        String clientLanguage) {}
