/**
 * Small value types and helpers that every module may use: SQL LIKE patterns, money, the encryption of secrets at
 * rest.
 * Holds no business rule of its own.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        allowedDependencies = {},
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.licencedesk.shared;
