package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.ApplicationNode;
import io.licencedesk.support.InWords;
import io.licencedesk.support.PostgresTestConfiguration;
import io.licencedesk.support.TestFixture;
import io.licencedesk.support.TestKeyEncryptionKeys;
import java.util.LinkedHashMap;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL whose database runs in the "C" locale, where {@code lower()} folds ASCII letters only: two screens of
 * one licence called "écran" and "ÉCRAN", or "Straße" and "STRASSE", were both let through, the names being compared
 * by {@code lower()}. They are compared by a key Java folds, unique in the database (decision 0151).
 */
class ScreenNamesInACLocalePostgresTests {

    @Test
    void namesAreOneInEveryCaseWhateverTheDatabasesLocale() throws Exception {
        String database =
                PostgresTestConfiguration.newDatabase("template template0 encoding 'UTF8' lc_ctype 'C' lc_collate 'C'");
        try (var node = ApplicationNode.start(
                database, List.of(), "--licencedesk.key-encryption-key=" + TestKeyEncryptionKeys.CURRENT)) {
            var jdbc = node.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select lower('ÉCRAN')").query(String.class).single())
                    .as("the database's own lower() in the C locale")
                    .isEqualTo("Écran");
            var org = node.getBean(TestOrganisations.class).create();
            var plan = node.getBean(TestFixture.class).monthlyPlan(org);
            long licence = node.getBean(LicenceManagement.class)
                    .create(
                            org.manager(),
                            new NewLicence(
                                    plan.id(), "Lobby", null, 5, org.alice().userId()))
                    .id();
            var screens = node.getBean(ScreenManagement.class);
            screens.register(org.alice(), licence, "écran");
            screens.register(org.alice(), licence, "Straße");

            for (String same : List.of("ÉCRAN", "Écran", "STRASSE", "strasse")) {
                assertThatThrownBy(() -> screens.register(org.alice(), licence, same))
                        .as(same)
                        .isInstanceOf(ScreenNameTakenException.class)
                        .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                        .containsAnyOf("already called “écran”", "already called “Straße”");
            }
            assertThat(screens.screens(org.alice(), licence))
                    .extracting(Screen::name)
                    .containsExactly("écran", "Straße");
        }
    }

    /**
     * The screens list's search compared the database's {@code lower()} of each name with the term lower-cased in
     * Java: in the "C" locale, where {@code lower('ÉCRAN NORD')} is "Écran nord", "écran" found no "ÉCRAN NORD" and
     * "STRASSE" no "Straße 12". The term is folded as names are, and met on their keys (decision 0152).
     */
    @Test
    void theScreensSearchFindsANameInEveryCaseWhateverTheDatabasesLocale() throws Exception {
        String database =
                PostgresTestConfiguration.newDatabase("template template0 encoding 'UTF8' lc_ctype 'C' lc_collate 'C'");
        try (var node = ApplicationNode.start(
                database, List.of(), "--licencedesk.key-encryption-key=" + TestKeyEncryptionKeys.CURRENT)) {
            var org = node.getBean(TestOrganisations.class).create();
            var plan = node.getBean(TestFixture.class).monthlyPlan(org);
            long licence = node.getBean(LicenceManagement.class)
                    .create(
                            org.manager(),
                            new NewLicence(
                                    plan.id(), "Lobby", null, 5, org.alice().userId()))
                    .id();
            var screens = node.getBean(ScreenManagement.class);
            screens.register(org.alice(), licence, "Grand écran");
            screens.register(org.alice(), licence, "ÉCRAN NORD");
            screens.register(org.alice(), licence, "Straße 12");
            screens.register(org.alice(), licence, "Hall");

            var expected = new LinkedHashMap<String, List<String>>();
            expected.put("écran nord", List.of("ÉCRAN NORD"));
            expected.put("écran", List.of("Grand écran", "ÉCRAN NORD"));
            expected.put("ÉCRAN", List.of("Grand écran", "ÉCRAN NORD"));
            expected.put("grand ÉC", List.of("Grand écran"));
            expected.put("STRASSE", List.of("Straße 12"));
            expected.put("straße", List.of("Straße 12"));
            expected.put("HALL", List.of("Hall"));
            for (var search : expected.entrySet()) {
                var found = screens.screens(org.alice(), licence, search.getKey(), 1, 25);
                assertThat(found.page().items())
                        .as(search.getKey())
                        .extracting(Screen::name)
                        .containsExactlyElementsOf(search.getValue());
                assertThat(found.page().total())
                        .as(search.getKey())
                        .isEqualTo(search.getValue().size());
            }
        }
    }
}
