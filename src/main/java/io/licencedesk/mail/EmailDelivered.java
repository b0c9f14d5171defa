package io.licencedesk.mail;

/** An e-mail about a subject (such as an invoice) was handed to the SMTP server. */
public record EmailDelivered(String subjectType, long subjectId) {}
