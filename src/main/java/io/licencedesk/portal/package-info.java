/** The clients' web pages under /portal. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Portal",
        allowedDependencies = {"accounts", "devices", "invoicing", "licence", "shared", "web"})
package io.licencedesk.portal;
