/**
 * What every web channel shares: security (sign-in, roles, CSRF, headers), the caller of a request,
 * the home page that sends each role to its own place, and error pages.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"accounts", "mail", "shared"})
package io.licencedesk.web;
