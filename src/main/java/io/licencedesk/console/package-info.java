/**
 * The account managers' console: licences, clients and plans as web pages. Thin controllers over
 * the business modules' façades; forms are records validated here, rules live in the modules.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Console",
        allowedDependencies = {
            "accounts",
            "audit",
            "devices",
            "exports",
            "invoicing",
            "licence",
            "mail",
            "renewals",
            "shared",
            "web",
            "webhooks"
        })
package io.licencedesk.console;
