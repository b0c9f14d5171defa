package io.licencedesk.licence;

/** A licence as an account manager enters it; a null client leaves it unassigned (Available). */
public record NewLicence(long planId, String name, String note, int quantity, Long clientId) {}
