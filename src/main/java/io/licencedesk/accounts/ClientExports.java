package io.licencedesk.accounts;

import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients of the caller's organisation for the CSV export, handed to a consumer one at a time as they
 * are read. Runs in one read-only transaction, which PostgreSQL's driver needs to stream; the consumer runs
 * inside it.
 */
@Service
@Transactional(readOnly = true)
public class ClientExports {

    private final ClientExportQueries queries;
    private final Clock clock;

    ClientExports(ClientExportQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The clients the client list shows for this search (all of them when blank), by name. */
    public void clients(Caller caller, String term, Consumer<ExportedClient> each) {
        AccountManagement.requireStaff(caller);
        queries.clients(caller.organisationId(), term, clock.instant(), each);
    }
}
