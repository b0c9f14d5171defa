package io.licencedesk.licence;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Organisation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licences of the caller's organisation for the CSV export, handed to a consumer one at a time as they
 * are read, so that the file streams in constant memory whatever the number of licences.
 *
 * <p>Each method runs in one read-only transaction: PostgreSQL's driver streams only inside one. The
 * consumer runs inside it too, so it should write its row and return.
 */
@Service
@Transactional(readOnly = true)
public class LicenceExports {

    private final LicenceExportQueries queries;
    private final AccountManagement accounts;
    private final Clock clock;

    LicenceExports(LicenceExportQueries queries, AccountManagement accounts, Clock clock) {
        this.queries = queries;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Exactly the rows the main list shows for this filter: every page, in the list's order. */
    public void licences(Caller caller, LicenceFilter filter, Consumer<ExportedLicence> each) {
        LicenceManagement.requireStaff(caller);
        Organisation organisation = accounts.organisation(caller);
        queries.filtered(
                organisation.id(),
                organisation.currency(),
                organisation.expiringSoonDays(),
                LocalDate.now(clock),
                filter,
                each);
    }

    /** Those of these licences that belong to the caller's organisation, newest first. */
    public void selected(Caller caller, Collection<Long> ids, Consumer<ExportedLicence> each) {
        LicenceManagement.requireStaff(caller);
        Organisation organisation = accounts.organisation(caller);
        queries.selected(organisation.id(), organisation.currency(), LocalDate.now(clock), ids, each);
    }
}
