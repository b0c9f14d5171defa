/**
 * What every web channel shares: security (sign-in, roles, CSRF, headers), the caller of a request,
 * the home page that sends each role to its own place, error pages, and the helpers the console and the
 * portal share for answering (toasts after an action, file downloads).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"accounts", "mail", "shared"})
package io.licencedesk.web;
