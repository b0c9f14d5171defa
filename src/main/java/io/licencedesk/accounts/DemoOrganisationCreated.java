package io.licencedesk.accounts;

import java.util.List;

/** The embedded demo mode created its organisation and users; other modules add their demo records as the manager. */
public record DemoOrganisationCreated(long organisationId, Caller manager, List<Caller> clients) {}
