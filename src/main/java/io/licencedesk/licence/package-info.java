/**
 * Plans and licences: coupon codes, the licence lifecycle (the only place its transitions are
 * decided) and the main list's queries, built to stay fast at a million licences.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Licences",
        allowedDependencies = {"accounts", "shared"})
package io.licencedesk.licence;
