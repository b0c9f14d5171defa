/** The clients' web pages under /portal. */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package io.licencedesk.portal;
