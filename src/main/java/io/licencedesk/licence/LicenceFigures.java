package io.licencedesk.licence;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Organisation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licence figures of the staff dashboard (decision 0050), for staff of the caller's organisation. On
 * PostgreSQL the counts come from licence_tally, which triggers keep current in the transaction of every change to a
 * licence, so they answer in a few milliseconds at a million licences and always agree with the list.
 */
@Service
@Transactional(readOnly = true)
public class LicenceFigures {

    private final LicenceFigureQueries queries;
    private final AccountManagement accounts;
    private final Clock clock;

    LicenceFigures(LicenceFigureQueries queries, AccountManagement accounts, Clock clock) {
        this.queries = queries;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Today's counts, the recurring revenue of the last {@code months} months (the current one as of today) and the
     * first {@code ending} licences expiring soon.
     */
    public LicenceOverview overview(Caller caller, int months, int ending) {
        LicenceManagement.requireStaff(caller);
        Organisation organisation = accounts.organisation(caller);
        LocalDate today = LocalDate.now(clock);
        var window = ExpiringSoonWindow.of(today, organisation.expiringSoonDays());
        LocalDate soonEnd = window.until();
        List<LocalDate> days = monthEnds(today, months);
        var totals = queries.totals(organisation.id(), today, soonEnd, days, queries.source());
        return new LicenceOverview(
                totals.byStatus(),
                totals.activeScreens(),
                totals.expiringSoon(),
                window,
                totals.revenue(days, organisation.currency()),
                queries.ending(organisation.id(), today, soonEnd, ending));
    }

    /** The last day of each of the {@code months - 1} months before today's, oldest first, then today. */
    static List<LocalDate> monthEnds(LocalDate today, int months) {
        List<LocalDate> days = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (int back = months - 1; back > 0; back--) {
            days.add(current.minusMonths(back).atEndOfMonth());
        }
        days.add(today);
        return days;
    }
}
