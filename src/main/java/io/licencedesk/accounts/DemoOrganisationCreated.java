package io.licencedesk.accounts;

import java.util.List;

/** The embedded demo mode created its organisation and users; other modules add their demo records. */
public record DemoOrganisationCreated(long organisationId, long managerId, List<Long> clientIds) {}
