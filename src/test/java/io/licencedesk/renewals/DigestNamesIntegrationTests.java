package io.licencedesk.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A licence's name in the owners' digest is cut to 60 characters between characters: it was cut at 59 UTF-16 units,
 * inside an emoji, which the e-mail showed as "?" (decision 0155).
 */
@IntegrationTest
class DigestNamesIntegrationTests {

    @Autowired
    CycleQueries queries;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    Clock clock;

    @Test
    void aLongNameIsCutBetweenCharacters() {
        TestOrganisation org = organisations.create();
        String name = "ab" + "\uD83D\uDE00".repeat(100);
        long id = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(org).id(),
                                name,
                                null,
                                1,
                                org.alice().userId()))
                .id();
        clientLicences.activate(org.alice(), id);
        LocalDate today = LocalDate.now(clock);

        var lines = queries.ending(org.id(), today, today.plusDays(62), 10).shown();

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).arguments().get(0)).isEqualTo(name.substring(0, name.offsetByCodePoints(0, 59)) + "…");
    }
}
