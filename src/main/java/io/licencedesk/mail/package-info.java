/**
 * Outgoing e-mail: an outbox committed with what caused each message, and a dispatcher that sends
 * over SMTP, retries failures with back-off, and never loses a message. With no SMTP server
 * configured, messages are kept in the outbox for people to read in the console.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Mail",
        allowedDependencies = {"accounts", "shared"})
package io.licencedesk.mail;
