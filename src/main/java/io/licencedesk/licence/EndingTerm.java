package io.licencedesk.licence;

import java.time.LocalDate;

/**
 * A licence whose current term has ended (it is expired) or, active, ends within its organisation's expiring-soon
 * window; what a notice sent once per licence and term is about. The end date tells the terms apart.
 */
public record EndingTerm(long licenceId, LocalDate endsOn, boolean expired) {}
