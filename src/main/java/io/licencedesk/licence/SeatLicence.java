package io.licencedesk.licence;

import java.time.LocalDate;

/** What taking a seat on a licence depends on, read with the licence row locked. */
public record SeatLicence(
        long id, long organisationId, Long clientId, int quantity, LifecycleStatus status, LocalDate endsOn) {}
