package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A count of one reads in the singular, in French a count of zero too ("0 licence"), in the messages that show a count
 * next to a noun or an adjective that agrees with it.
 */
class CountsInWordsTests {

    private static final Locale FRENCH = Locale.FRENCH;
    private final ResourceBundleMessageSource messages = messages();

    @Test
    void theDashboardsLicenceTotal() {
        assertThat(text(Locale.ENGLISH, "dashboard.active.of", "1", 1L)).isEqualTo("of 1 licence");
        assertThat(text(Locale.ENGLISH, "dashboard.active.of", "1,000", 1000L)).isEqualTo("of 1,000 licences");
        assertThat(text(FRENCH, "dashboard.active.of", "0", 0L)).isEqualTo("sur 0 licence");
        assertThat(text(FRENCH, "dashboard.active.of", "1", 1L)).isEqualTo("sur 1 licence");
        assertThat(text(FRENCH, "dashboard.active.of", "2", 2L)).isEqualTo("sur 2 licences");
    }

    @Test
    void screensOfALicenceInFrench() {
        // The word agrees with the count beside it: "0 sur 193 enregistré" read as 193 "enregistré".
        assertThat(text(FRENCH, "portal.licence.seatsFree", 1, 4)).isEqualTo("(1 libre sur 4)");
        assertThat(text(FRENCH, "portal.licence.seatsFree", 3, 4)).isEqualTo("(3 libres sur 4)");
        assertThat(text(FRENCH, "people.clientPage.screensUsed", 1, 3)).isEqualTo("1 enregistré sur 3");
        assertThat(text(FRENCH, "people.clientPage.screensUsed", 2, 3)).isEqualTo("2 enregistrés sur 3");
        assertThat(text(FRENCH, "people.clientPage.screensUsed", 0, 193)).isEqualTo("0 enregistré sur 193");
    }

    @Test
    void theDigestsSubjectAndAnImportsTimeLeftInFrench() {
        assertThat(text(FRENCH, "digest.subject", "Acme", 2L, 0L, 1L))
                .isEqualTo("Votre semaine chez Acme\u00a0: 2 à échéance, 0 en retard, 1 renouvelée");
        assertThat(text(FRENCH, "digest.subject", "Acme", 2L, 0L, 3L)).endsWith(", 3 renouvelées");
        assertThat(text(FRENCH, "console.import.secondsLeft", 1L)).isEqualTo("environ 1\u00a0s restante");
        assertThat(text(FRENCH, "console.import.secondsLeft", 40L)).isEqualTo("environ 40\u00a0s restantes");
    }

    /**
     * A French message with a count, swept at 0, 1 and 2: what it must say at each (contained in the text), or null
     * for a count it is never given (a licence has at least one screen, a toast about refused licences is shown only
     * when some were). French takes the singular for 0 and 1.
     */
    record Counted(String key, IntFunction<Object[]> arguments, String zero, String one, String two) {}

    static Counted counted(String key, String zero, String one, String two) {
        return new Counted(key, count -> new Object[] {count}, zero, one, two);
    }

    static final List<Counted> FRENCH_COUNTS = List.of(
            new Counted(
                    "dashboard.active.of",
                    count -> new Object[] {String.valueOf(count), (long) count},
                    "sur 0 licence",
                    "sur 1 licence",
                    "sur 2 licences"),
            counted(
                    "dashboard.overdue.invoices",
                    "dans aucune facture après",
                    "dans 1 facture après",
                    "dans 2 factures après"),
            counted("dashboard.ending", null, "dans le prochain jour", "dans les 2 prochains jours"),
            counted("dashboard.ending.help", "licences actives", "licence active", "licences actives"),
            counted("dashboard.ending.all", null, "Celle de la liste", "Les 2 de la liste"),
            counted("console.import.seeInTheList", "Voir la liste", "La voir dans la liste", "Les voir dans la liste"),
            counted("term.year", null, "1 an", "2 ans"),
            counted("term.month", null, "1 mois", "2 mois"),
            counted("term.day", null, "1 jour", "2 jours"),
            counted("term.per.year", null, "par an", "tous les 2 ans"),
            counted("term.per.month", null, "par mois", "tous les 2 mois"),
            counted("term.per.day", null, "par jour", "tous les 2 jours"),
            counted(
                    "portal.licence.full",
                    null,
                    "L’écran de cette licence est enregistré.",
                    "Les 2 écrans de cette licence sont enregistrés."),
            counted(
                    "reason.screen.limitReached",
                    null,
                    "Cette licence a 1 écran et il est enregistré.",
                    "Les 2 écrans de cette licence sont enregistrés."),
            counted(
                    "reason.device.seatsTaken",
                    null,
                    "La seule place de cette licence est prise.",
                    "Les 2 places de cette licence sont prises."),
            counted(
                    "reason.licence.screensKeepClient",
                    null,
                    "a enregistré un écran sur cette licence\u00a0: il doit le retirer",
                    "a enregistré 2 écrans sur cette licence\u00a0: il doit les retirer"),
            counted(
                    "reason.licence.quantityBelowScreens",
                    null,
                    "Cette licence a 1 écran enregistré\u00a0:",
                    "Cette licence a 2 écrans enregistrés\u00a0:"),
            new Counted(
                    "reason.plan.tooManyDecimals",
                    count -> new Object[] {"JPY", count},
                    "Les prix en JPY n’ont pas de décimales.",
                    "Les prix en JPY ont au plus 1 décimale.",
                    "Les prix en JPY ont au plus 2 décimales."),
            counted("webhooks.eventCount", null, "1 événement", "2 événements"),
            counted("reason.bulk.pause.done", "Aucune suspendue", "1 licence suspendue", "2 licences suspendues"),
            new Counted(
                    "reason.bulk.pause.refused.paused",
                    count -> new Object[] {count, "AB12CD34"},
                    null,
                    "1 était déjà suspendue (AB12CD34)",
                    "2 étaient déjà suspendues (AB12CD34)"),
            new Counted(
                    "reason.bulk.pause.refused.expired",
                    count -> new Object[] {count, "AB12CD34"},
                    null,
                    "1 est expirée et ne peut pas être suspendue (AB12CD34)",
                    "2 sont expirées et ne peuvent pas être suspendues (AB12CD34)"),
            counted("reason.bulk.resume.done", "Aucune reprise", "1 licence reprise", "2 licences reprises"),
            new Counted(
                    "reason.bulk.resume.refused.notPaused",
                    count -> new Object[] {count, "AB12CD34"},
                    null,
                    "1 n’était pas suspendue (AB12CD34)",
                    "2 n’étaient pas suspendues (AB12CD34)"),
            new Counted(
                    "reason.bulk.resume.refused.expired",
                    count -> new Object[] {count, "AB12CD34"},
                    null,
                    "1 est expirée et ne peut pas être reprise (AB12CD34)",
                    "2 sont expirées et ne peuvent pas être reprises (AB12CD34)"),
            counted("reason.bulk.gone", null, "1 a été supprimée entre-temps", "2 ont été supprimées entre-temps"),
            new Counted(
                    "people.clientPage.screensUsed",
                    count -> new Object[] {count, 193},
                    "0 enregistré sur 193",
                    "1 enregistré sur 193",
                    "2 enregistrés sur 193"),
            new Counted(
                    "portal.licence.seatsFree",
                    count -> new Object[] {count, 3},
                    "(0 libre sur 3)",
                    "(1 libre sur 3)",
                    "(2 libres sur 3)"),
            new Counted(
                    "portal.licence.price.value",
                    count -> new Object[] {"240,00", "EUR", count, "120,00\u00a0€"},
                    null,
                    "(1 écran à 120,00\u00a0€ chacun)",
                    "(2 écrans à 120,00\u00a0€ chacun)"),
            counted("clients.count", "0 client", "1 client", "2 clients"),
            counted("fileSize.B", "0\u00a0octet", "1\u00a0octet", "2\u00a0octets"),
            counted("import.imported", "0 licence importée.", "1 licence importée.", "2 licences importées."),
            counted("import.confirm", "Importer 0 licence", "Importer 1 licence", "Importer 2 licences"),
            counted("invoices.count", "0 facture", "1 facture", "2 factures"),
            counted("licences.count", "0 licence", "1 licence", "2 licences"),
            counted(
                    "licence.edit.quantityUsed",
                    null,
                    "Au moins 1\u00a0: le client y a enregistré 1 écran.",
                    "Au moins 2\u00a0: le client y a enregistré 2 écrans."),
            counted(
                    "console.toast.send.waiting",
                    null,
                    "1 facture attendait déjà d’être envoyée\u00a0: rien de plus n’a été mis en file pour elle.",
                    "2 factures attendaient déjà d’être envoyées\u00a0: rien de plus n’a été mis en file pour elles."),
            new Counted(
                    "console.toast.send.sent",
                    count -> new Object[] {count, "10,00\u00a0€"},
                    "Aucune facture envoyée, pour un total",
                    "1 facture envoyée, pour un total",
                    "2 factures envoyées, pour un total"),
            new Counted(
                    "console.toast.send.sentSomeAgain",
                    count -> new Object[] {count, count, count, "10,00\u00a0€"},
                    "Aucune facture envoyée (0 nouvelle, 0 renvoyée)",
                    "1 facture envoyée (1 nouvelle, 1 renvoyée)",
                    "2 factures envoyées (2 nouvelles, 2 renvoyées)"),
            new Counted(
                    "digest.subject",
                    count -> new Object[] {"Acme", (long) count, (long) count, (long) count},
                    "0 à échéance, 0 en retard, 0 renouvelée",
                    "1 à échéance, 1 en retard, 1 renouvelée",
                    "2 à échéance, 2 en retard, 2 renouvelées"),
            counted("console.import.secondsLeft", null, "environ 1\u00a0s restante", "environ 2\u00a0s restantes"),
            counted("console.import.minutesLeft", null, "environ 1\u00a0min restante", "environ 2\u00a0min restantes"),
            counted(
                    "import.importedMeanwhile",
                    null,
                    "1 ligne de la vérification avait été importée entre-temps",
                    "2 lignes de la vérification avaient été importées entre-temps"),
            new Counted(
                    "reason.people.invitationTooMany",
                    count -> new Object[] {5, count},
                    null,
                    "Réessayez dans environ 1 heure,",
                    "Réessayez dans environ 2 heures,"),
            new Counted(
                    "reason.people.resetTooMany",
                    count -> new Object[] {5, count},
                    null,
                    "Réessayez dans environ 1 heure.",
                    "Réessayez dans environ 2 heures."),
            new Counted(
                    "screens.search.found",
                    count -> new Object[] {count, "hall"},
                    "Aucun écran dont le nom contient",
                    "1 écran dont le nom contient",
                    "2 écrans dont le nom contient"),
            counted("screens.search.more", null, "et 1 autre", "et 2 autres"),
            counted(
                    "invoices.sums.voidLeftOut",
                    null,
                    "1 facture annulée est listée mais n’est pas comptée.",
                    "2 factures annulées sont listées mais ne sont pas comptées."));

    @Test
    void everyFrenchCountAgreesAtZeroOneAndTwo() {
        List<String> wrong = new ArrayList<>();
        for (Counted counted : FRENCH_COUNTS) {
            String[] expected = {counted.zero(), counted.one(), counted.two()};
            for (int count = 0; count <= 2; count++) {
                if (expected[count] == null) {
                    continue;
                }
                String said = text(FRENCH, counted.key(), counted.arguments().apply(count));
                if (!said.contains(expected[count])) {
                    wrong.add(counted.key() + " at " + count + ": \"" + said + "\", not \"" + expected[count] + "\"");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A French message added later with a count in a choice is swept too. */
    @Test
    void everyFrenchMessageThatCountsIsSwept() throws IOException {
        var french = new Properties();
        try (var in = getClass().getResourceAsStream("/messages_fr.properties")) {
            french.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> swept = FRENCH_COUNTS.stream().map(Counted::key).collect(Collectors.toSet());
        Set<String> counting = french.stringPropertyNames().stream()
                .filter(key -> french.getProperty(key).contains(",choice,"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(swept).containsAll(counting);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
