package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.util.List;

/** The demo licences exist; these should be invoiced, and of those these marked paid. */
public record DemoLicencesCreated(Caller manager, List<Long> toInvoice, List<Long> toMarkPaid) {}
