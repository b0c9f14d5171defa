package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.shared.Money;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.StatementCounter;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * What the selection's total costs (a count of SQL statements, not a time): the console's toolbar asks for the
 * billable amounts of up to 20 licences each time the selection changes, and each was looked up on its own (the
 * organisation's currency, then one query an id: 21 statements for a full selection).
 */
@IntegrationTest
@Import(StatementCounter.class)
class LicenceBillableAmountsIntegrationTests {

    /** The organisation's currency and the selection's one query. */
    static final int MOST_STATEMENTS = 2;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    StatementCounter counter;

    @Test
    void readsTwentyLicencesInOneQueryInTheOrderAskedAndLeavesOutThoseThatCannotBeInvoiced() {
        TestOrganisation org = fixture.organisation();
        Plan monthly = fixture.monthlyPlan(org);
        TestOrganisation other = fixture.organisation();
        long theirs = licences.create(
                        other.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(other).id(),
                                "Theirs",
                                null,
                                1,
                                other.alice().userId()))
                .id();
        long withoutClient = licences.create(org.manager(), new NewLicence(monthly.id(), "Spare", null, 1, null))
                .id();
        List<Long> billable = new ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            billable.add(licences.create(
                            org.manager(),
                            new NewLicence(
                                    monthly.id(),
                                    "Screen " + i,
                                    null,
                                    i,
                                    org.alice().userId()))
                    .id());
        }
        List<Long> newestFirst = new ArrayList<>(billable);
        Collections.reverse(newestFirst);
        List<Long> asked = new ArrayList<>(newestFirst);
        asked.add(5, theirs);
        asked.add(9, withoutClient);

        var counted = counter.count(() -> licences.billableAmounts(org.manager(), asked));

        Map<Long, Money> amounts = counted.result();
        assertThat(amounts.keySet()).containsExactlyElementsOf(newestFirst);
        assertThat(amounts.get(billable.get(2)).amount()).isEqualByComparingTo("30.00");
        assertThat(counted.statements())
                .as("statements of the amounts of 20 licences:%n%s", String.join("\n", counted.sql()))
                .isLessThanOrEqualTo(MOST_STATEMENTS);
    }

    @Test
    void anEmptySelectionHasNoAmounts() {
        TestOrganisation org = fixture.organisation();

        assertThat(licences.billableAmounts(org.manager(), List.of())).isEmpty();
    }
}
