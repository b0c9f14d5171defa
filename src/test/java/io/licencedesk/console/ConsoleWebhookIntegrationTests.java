package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.CreatedEndpoint;
import io.licencedesk.webhooks.EndpointChange;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.WebhookDelivery;
import io.licencedesk.webhooks.Webhooks;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Settings → Webhooks: what an owner adds and sees (the secret once), what is refused beside its field with nothing
 * saved, and who may not reach it: managers, clients, anonymous callers, another organisation, a post without CSRF.
 */
@IntegrationTest
// No background job, so that no dispatcher sends what these tests look at: the setting of
// ConsoleProfileIntegrationTests
// and others, whose application context this class shares rather than starting one for its own setting (it set the
// dispatcher's interval to 24 hours; decision 0166).
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class ConsoleWebhookIntegrationTests {

    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9_-]{43}");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    Webhooks webhooks;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    TestOrganisation other;
    RequestPostProcessor owner;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
        owner = fixture.signedIn(org.owner());
    }

    MockHttpServletRequestBuilder add(String url, String... eventTypes) {
        var request = post("/settings/webhooks").with(owner).with(csrf()).param("url", url);
        if (eventTypes.length == 0) {
            request.param("allTypes", "true");
        } else {
            request.param("eventTypes", eventTypes);
        }
        return request;
    }

    /** A user cannot open a repository path: the page itself says how to check a request, in both languages. */
    @Test
    void saysHowToCheckTheSignatureOnThePageNotInARepositoryPath() throws Exception {
        mvc.perform(get("/settings/webhooks").with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("docs/webhooks.md"))))
                .andExpect(content().string(containsString("LicenceDesk-Signature header: t=&lt;unix seconds&gt;")))
                .andExpect(content().string(containsString("Compute the HMAC-SHA256 of the text t, a full stop")))
                .andExpect(content().string(containsString("more than 5 minutes away from your clock")));
        mvc.perform(get("/settings/webhooks").param("lang", "fr").with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("docs/webhooks.md"))))
                .andExpect(content().string(containsString("calculez le HMAC-SHA256 du texte t, un point")));
    }

    @Test
    void addsAnEndpointAndShowsItsSigningSecretOnlyOnce() throws Exception {
        String page = mvc.perform(add("https://203.0.113.7/hooks", "licence.created", "invoice.paid")
                        .param("description", "Shop"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as("the secret on the answer to the creation").isTrue();
        var endpoint = webhooks.endpoints(org.owner()).get(0);
        assertThat(endpoint.url()).isEqualTo("https://203.0.113.7/hooks");
        assertThat(endpoint.description()).isEqualTo("Shop");
        assertThat(endpoint.allTypes()).isFalse();
        assertThat(endpoint.eventTypes()).hasSize(2);
        mvc.perform(get("/settings/webhooks/{id}", endpoint.id()).with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("https://203.0.113.7/hooks")))
                .andExpect(content().string(not(containsString(secret.group()))))
                .andExpect(content().string(not(containsString("whsec_"))));
        mvc.perform(get("/settings/webhooks").with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("https://203.0.113.7/hooks")))
                .andExpect(content().string(not(containsString("whsec_"))));
    }

    /**
     * Rolling the secret (decision 0157): the new one is shown once, in the answer, in the page's language; the page
     * then says until when the replaced one signs too, and the roll is in the audit log without either secret.
     */
    @Test
    void rollsTheSecretShowingTheNewOneOnceAndSaysUntilWhenTheOldOneSigns() throws Exception {
        CreatedEndpoint created = endpointOf(org);
        long id = created.endpoint().id();

        String page = mvc.perform(post("/settings/webhooks/{id}/roll-secret", id)
                        .with(owner)
                        .with(csrf())
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as("the new secret on the answer").isTrue();
        assertThat(secret.group()).isNotEqualTo(created.signingSecret());
        assertThat(page)
                .contains("Nouveau secret de signature créé. L’ancien signe aussi pendant 24\u00a0heures")
                .contains("L’ancien secret signe aussi jusqu’au");
        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The previous secret also signs until")))
                .andExpect(content().string(not(containsString("whsec_"))));
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where organisation_id = :org and action = 'SECRET_ROLLED'
                        and after_state not like '%whsec%'
                        """).param("org", org.id()).query(Long.class).single())
                .isEqualTo(1);

        mvc.perform(post("/settings/webhooks/{id}/roll-secret", id)
                        .with(owner)
                        .with(csrf())
                        .param("previous", "stop"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The previous one no longer signs")));
        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(content().string(not(containsString("The previous secret also signs until"))));
    }

    /**
     * Two owners rolling one secret at once (decision 0170): the page carries the secret it showed as current, and a
     * roll sent from a page loaded before someone else's roll changes nothing and says so, in the page's language,
     * rather than replacing the secret the other owner was just shown. Before, the second roll was made.
     */
    @Test
    void aRollFromAPageLoadedBeforeAnotherRollChangesNothingAndSaysSo() throws Exception {
        long id = endpointOf(org).endpoint().id();
        String loaded = mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Matcher asLoaded =
                Pattern.compile("name=\"secretAsLoaded\" value=\"([^\"]+)\"").matcher(loaded);
        assertThat(asLoaded.find()).as("the secret the page shows as current").isTrue();
        webhooks.rollSecret(org.owner(), id, false);

        String refused = mvc.perform(post("/settings/webhooks/{id}/roll-secret", id)
                        .with(owner)
                        .with(csrf())
                        .param("previous", "stop")
                        .param("secretAsLoaded", asLoaded.group(1))
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(refused)
                .contains("Quelqu’un d’autre a renouvelé ce secret de signature depuis que vous avez ouvert la page")
                .doesNotContain("whsec_");
        String rolls = "select count(*) from audit_event where organisation_id = :org and action = 'SECRET_ROLLED'";
        assertThat(jdbc.sql(rolls).param("org", org.id()).query(Long.class).single())
                .isEqualTo(1);

        Matcher current =
                Pattern.compile("name=\"secretAsLoaded\" value=\"([^\"]+)\"").matcher(refused);
        assertThat(current.find()).isTrue();
        assertThat(current.group(1)).isNotEqualTo(asLoaded.group(1));
        mvc.perform(post("/settings/webhooks/{id}/roll-secret", id)
                        .with(owner)
                        .with(csrf())
                        .param("secretAsLoaded", current.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("whsec_")));
        assertThat(jdbc.sql(rolls).param("org", org.id()).query(Long.class).single())
                .isEqualTo(2);
    }

    /**
     * A delivery's own page (decision 0157): the request as sent, its exact body (the bytes the signature is of), and
     * its last answer, worded in the reader's language. The log showed the answer only, never what was sent.
     */
    @Test
    void showsADeliverysRequestItsExactBodyAndItsAnswerInBothLanguages() throws Exception {
        long id = endpointOf(org).endpoint().id();
        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Café « Lobby »", null, 1, null));
        WebhookDelivery delivery =
                webhooks.deliveries(org.owner(), id, 1, 10).items().get(0);
        jdbc.sql("update webhook_delivery set attempts = 1, last_error = 'No answer within 10 s' where id = :id")
                .param("id", delivery.id())
                .update();
        String payload = jdbc.sql("select payload from webhook_delivery where id = :id")
                .param("id", delivery.id())
                .query(String.class)
                .single();

        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(
                        content().string(containsString("/settings/webhooks/" + id + "/deliveries/" + delivery.id())));
        var english = Jsoup.parse(mvc.perform(get("/settings/webhooks/{id}/deliveries/{delivery}", id, delivery.id())
                        .with(owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(english.select("#delivery-body").first().wholeText()).isEqualTo(payload);
        assertThat(english.select("#delivery-headers").text())
                .contains("POST https://203.0.113.7/" + org.id())
                .contains("LicenceDesk-Event-Id: " + delivery.eventId())
                .contains("LicenceDesk-Signature: t=…,v1=…");
        assertThat(english.select("#delivery-outcome").text()).contains("No answer within 10 s");

        String french = mvc.perform(get("/settings/webhooks/{id}/deliveries/{delivery}", id, delivery.id())
                        .with(owner)
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(french)
                .contains("Pas de réponse en 10\u00a0s")
                .contains("Corps, exactement tel qu’envoyé")
                .doesNotContain("No answer within");
    }

    @Test
    void refusesPrivateAddressesBesideTheFieldUnlessTheOwnerAllowsThem() throws Exception {
        for (String url : List.of(
                "http://127.0.0.1:9/hooks",
                "http://localhost/hooks",
                "https://10.0.0.8/hooks",
                "http://169.254.169.254/latest/meta-data",
                "https://[::1]/hooks")) {
            FieldErrors.expectExactly(
                    mvc, add(url), Map.of("url", URI.create(url).getHost() + " is a private address"));
        }
        assertThat(webhooks.endpoints(org.owner())).as("nothing saved").isEmpty();
        // an address typed as such is not repeated in brackets; a name is followed by its address
        mvc.perform(add("http://127.0.0.1:9/hooks"))
                .andExpect(content().string(containsString("127.0.0.1 is a private address, and")));
        mvc.perform(add("http://localhost/hooks"))
                .andExpect(content().string(containsString("localhost is a private address (")));

        mvc.perform(post("/settings/webhooks/private-addresses")
                        .with(owner)
                        .with(csrf())
                        .param("allowed", "true"))
                .andExpect(redirectedUrl("/settings/webhooks"));
        mvc.perform(add("http://127.0.0.1:9/hooks")).andExpect(status().isOk());
        mvc.perform(add("https://[::1]/hooks")).andExpect(status().isOk());
        assertThat(webhooks.endpoints(org.owner())).hasSize(2);
        assertThat(webhooks.privateAddressesAllowed(other.owner()))
                .as("another organisation's setting is its own")
                .isFalse();
    }

    @Test
    void refusesBadInputBesideItsFieldAndSavesNothing() throws Exception {
        FieldErrors.expectExactly(mvc, add("", "licence.created"), Map.of("url", "Enter the endpoint's address."));
        FieldErrors.expectExactly(
                mvc,
                add("ftp://203.0.113.7/x"),
                Map.of("url", "Enter a full address such as https://example.com/webhooks."));
        FieldErrors.expectExactly(mvc, add("http://203.0.113.7/hooks"), Map.of("url", "Use https://."));
        FieldErrors.expectExactly(
                mvc,
                post("/settings/webhooks").with(owner).with(csrf()).param("url", "https://203.0.113.7/hooks"),
                Map.of("eventTypes", "Choose at least one event, or all of them."));
        FieldErrors.expectExactly(
                mvc,
                add("https://203.0.113.7/hooks", "licence.nonsense"),
                Map.of("eventTypes", "Choose events from the list."));
        FieldErrors.expectExactly(
                mvc,
                add("https://203.0.113.7/hooks").param("description", "<b>bold</b>"),
                Map.of("description", "Remove the HTML tags"));
        FieldErrors.expectExactly(
                mvc,
                add("https://203.0.113.7/" + "a".repeat(2000)),
                Map.of("url", "Keep the address to 2,000 characters."));
        assertThat(webhooks.endpoints(org.owner())).isEmpty();
    }

    @Test
    void namesEveryFieldsErrorAtOnce() throws Exception {
        // the address's error was shown only once the description was fixed
        FieldErrors.expectExactly(
                mvc,
                add("ftp://x.test").param("description", "<i>x</i>"),
                Map.of(
                        "url", "Enter a full address such as https://example.com/webhooks.",
                        "description", "Remove the HTML tags"));
        FieldErrors.expectExactly(
                mvc,
                post("/settings/webhooks").with(owner).with(csrf()).param("url", "http://203.0.113.7/hooks"),
                Map.of("url", "Use https://.", "eventTypes", "Choose at least one event, or all of them."));
        assertThat(webhooks.endpoints(org.owner())).isEmpty();
    }

    /**
     * Its description and events change on its own page (decision 0161): the address and the signing secret stay, the
     * page shows the new values, and the audit log has the change before → after. The console had no way but
     * deleting the endpoint and adding it again, which gave the receiver a new secret.
     */
    @Test
    void changesAnEndpointsDescriptionAndEventsKeepingItsAddressAndSecret() throws Exception {
        long id = webhooks.register(org.owner(), new NewEndpoint("https://203.0.113.7/hooks", "Shop", true, Set.of()))
                .endpoint()
                .id();
        String secret = signingSecret(id);
        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(content().string(containsString("/settings/webhooks/" + id + "/edit")));
        var form =
                Jsoup.parse(mvc.perform(get("/settings/webhooks/{id}/edit", id).with(owner))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(form.getElementById("url").hasAttr("readonly")).isTrue();
        assertThat(form.getElementById("url").attr("value")).isEqualTo("https://203.0.113.7/hooks");
        assertThat(form.getElementById("url").hasAttr("name"))
                .as("the address is not sent")
                .isFalse();
        assertThat(form.getElementById("url-help").text()).contains("for a new address, add a new endpoint");
        assertThat(form.getElementById("description").attr("value")).isEqualTo("Shop");
        assertThat(form.getElementById("allTypes").hasAttr("checked")).isTrue();

        mvc.perform(post("/settings/webhooks/{id}/edit", id)
                        .with(owner)
                        .with(csrf())
                        .param("url", "https://evil.test/elsewhere")
                        .param("description", "Till")
                        .param("eventTypes", "licence.created", "invoice.paid"))
                .andExpect(redirectedUrl("/settings/webhooks/" + id))
                .andExpect(flash().attribute(
                                "toast", "Endpoint saved: its new description and events apply from the next event."));

        var endpoint = webhooks.endpoint(org.owner(), id);
        assertThat(endpoint.url()).as("an address sent anyway is ignored").isEqualTo("https://203.0.113.7/hooks");
        assertThat(endpoint.description()).isEqualTo("Till");
        assertThat(endpoint.allTypes()).isFalse();
        assertThat(endpoint.eventTypes())
                .extracting(io.licencedesk.webhooks.EventType::wireName)
                .containsExactlyInAnyOrder("licence.created", "invoice.paid");
        assertThat(signingSecret(id)).as("the receiver keeps its secret").isEqualTo(secret);
        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(content().string(containsString(">Till<")))
                .andExpect(content().string(containsString("licence.created, invoice.paid")));
        mvc.perform(get("/audit").param("what", "WEBHOOK_ENDPOINT.CHANGED").with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Changed")))
                .andExpect(content().string(containsString(">Shop</del>")))
                .andExpect(content().string(containsString(">Till</ins>")));
        assertThat(changedRecords()).isEqualTo(1);

        mvc.perform(post("/settings/webhooks/{id}/edit", id)
                        .with(owner)
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .param("description", "Till")
                        .param("eventTypes", "invoice.paid", "licence.created"))
                .andExpect(redirectedUrl("/settings/webhooks/" + id))
                .andExpect(flash().attribute(
                                "toast",
                                "Rien à enregistrer\u00a0: le point de terminaison avait déjà cette description et ces"
                                        + " événements."));
        assertThat(changedRecords()).as("nothing changed, nothing recorded").isEqualTo(1);

        mvc.perform(post("/settings/webhooks/{id}/edit", id)
                        .with(owner)
                        .with(csrf())
                        .param("description", "  ")
                        .param("allTypes", "true"))
                .andExpect(redirectedUrl("/settings/webhooks/" + id));
        assertThat(webhooks.endpoint(org.owner(), id).description()).isNull();
        assertThat(webhooks.endpoint(org.owner(), id).allTypes()).isTrue();
    }

    @Test
    void refusesABadEditBesideItsFieldAndChangesNothing() throws Exception {
        long id = webhooks.register(org.owner(), new NewEndpoint("https://203.0.113.7/hooks", "Shop", true, Set.of()))
                .endpoint()
                .id();
        var before = webhooks.endpoint(org.owner(), id);
        FieldErrors.expectExactly(
                mvc,
                edit(id).param("description", "Till"),
                Map.of("eventTypes", "Choose at least one event, or all of them."));
        FieldErrors.expectExactly(
                mvc,
                edit(id).param("description", "x".repeat(201)).param("allTypes", "true"),
                Map.of("description", "Keep the description to 200 characters."));
        FieldErrors.expectExactly(
                mvc,
                edit(id).param("description", "<b>Till</b>").param("eventTypes", "licence.nonsense"),
                Map.of("description", "Remove the HTML tags", "eventTypes", "Choose events from the list."));
        String french = mvc.perform(edit(id).param("description", "Till").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(french)
                .contains("Modifier le point de terminaison")
                .contains("Veuillez corriger les champs signalés ci-dessous.")
                .contains("pour une nouvelle adresse, ajoutez un nouveau point de terminaison");
        assertThat(webhooks.endpoint(org.owner(), id)).isEqualTo(before);
        assertThat(changedRecords()).isZero();
    }

    /**
     * Two owners editing one endpoint (decision 0162): the second one's save replaced the first one's edit (the last
     * save won), and both were told "saved". Now a field both changed is shown beside the form with what it is now,
     * in English and French, and nothing is saved; saving again replaces it.
     */
    @Test
    void aFieldSomeoneElseChangedSinceThePageWasOpenedIsShownAndNothingIsSaved() throws Exception {
        long id = webhooks.register(org.owner(), new NewEndpoint("https://203.0.113.7/hooks", "Shop", true, Set.of()))
                .endpoint()
                .id();
        var opened =
                Jsoup.parse(mvc.perform(get("/settings/webhooks/{id}/edit", id).with(owner))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        webhooks.change(org.owner(), id, new EndpointChange("Till", null, null));
        var before = webhooks.endpoint(org.owner(), id);

        var page = Jsoup.parse(mvc.perform(submitted(opened, id, "description", "Warehouse"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(webhooks.endpoint(org.owner(), id)).isEqualTo(before);
        assertThat(changedRecords()).as("only the other owner's change").isEqualTo(1);
        assertThat(page.select(".alert-danger").text())
                .isEqualTo("Someone else changed this endpoint since you opened the page. Nothing was saved: see what"
                        + " it is now beside the fields marked below, then save again.");
        assertThat(page.select("#description-error").text())
                .isEqualTo("Someone else changed this since you opened the page: it is now “Till”. Nothing was"
                        + " saved. Save again to replace it with yours.");
        assertThat(page.select("#eventTypes-error")).isEmpty();
        assertThat(page.select("#description").val()).isEqualTo("Warehouse");

        var french = Jsoup.parse(
                mvc.perform(submitted(opened, id, "description", "Warehouse").header("Accept-Language", "fr"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        // wholeText: text() makes the no-break spaces French typography asks for plain ones.
        assertThat(french.selectFirst("#description-error").wholeText().strip())
                .isEqualTo("Quelqu’un d’autre a modifié ce champ depuis l’ouverture de la page\u00a0: il vaut"
                        + " maintenant «\u00a0Till\u00a0». Rien n’a été enregistré. Enregistrez de nouveau pour le"
                        + " remplacer par votre saisie.");
        assertThat(webhooks.endpoint(org.owner(), id)).isEqualTo(before);

        mvc.perform(submitted(page, id)).andExpect(redirectedUrl("/settings/webhooks/" + id));
        assertThat(webhooks.endpoint(org.owner(), id).description()).isEqualTo("Warehouse");
    }

    /** Events both owners chose differently since the page was opened: shown as they are now, nothing saved. */
    @Test
    void eventsSomeoneElseChoseSinceThePageWasOpenedAreShownAndNothingIsSaved() throws Exception {
        long id = webhooks.register(
                        org.owner(),
                        new NewEndpoint(
                                "https://203.0.113.7/hooks",
                                "Shop",
                                false,
                                Set.of(io.licencedesk.webhooks.EventType.LICENCE_CREATED)))
                .endpoint()
                .id();
        var opened =
                Jsoup.parse(mvc.perform(get("/settings/webhooks/{id}/edit", id).with(owner))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        webhooks.change(org.owner(), id, new EndpointChange(null, true, Set.of()));
        var before = webhooks.endpoint(org.owner(), id);

        var page = Jsoup.parse(mvc.perform(submitted(opened, id)
                        .param("eventTypes", "invoice.paid")
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(webhooks.endpoint(org.owner(), id)).isEqualTo(before);
        assertThat(page.selectFirst("#eventTypes-error").wholeText().strip())
                .startsWith("Quelqu’un d’autre a modifié ce champ")
                .contains("«\u00a0tous les événements\u00a0»");
        assertThat(page.select("#description-error")).isEmpty();
        assertThat(page.getElementById("event-invoice.paid").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#allTypes").hasAttr("checked")).isFalse();
    }

    /**
     * The events someone else chose since the page was opened stay when the person changed only the description (and
     * the other way round): the form sent every field as the page had them, which undid the other owner's edit.
     */
    @Test
    void aFieldOnlySomeoneElseChangedSinceThePageWasOpenedKeepsTheirValue() throws Exception {
        long id = webhooks.register(org.owner(), new NewEndpoint("https://203.0.113.7/hooks", "Shop", true, Set.of()))
                .endpoint()
                .id();
        var opened =
                Jsoup.parse(mvc.perform(get("/settings/webhooks/{id}/edit", id).with(owner))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        webhooks.change(
                org.owner(),
                id,
                new EndpointChange(null, false, Set.of(io.licencedesk.webhooks.EventType.INVOICE_PAID)));

        mvc.perform(submitted(opened, id, "description", "Till")).andExpect(redirectedUrl("/settings/webhooks/" + id));

        var endpoint = webhooks.endpoint(org.owner(), id);
        assertThat(endpoint.description()).isEqualTo("Till");
        assertThat(endpoint.allTypes()).isFalse();
        assertThat(endpoint.eventTypes()).containsExactly(io.licencedesk.webhooks.EventType.INVOICE_PAID);
    }

    /**
     * The edit form as the page holds it, sent: its hidden and visible fields as set on the page, but those typed
     * (name, value, ...).
     */
    private MockHttpServletRequestBuilder submitted(org.jsoup.nodes.Document page, long id, String... typed) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < typed.length; i += 2) {
            values.put(typed[i], typed[i + 1]);
        }
        var post = edit(id);
        for (var field : page.selectFirst("#edit-endpoint-form").select("input[name]")) {
            String name = field.attr("name");
            if (name.equals("_csrf") || (field.attr("type").equals("checkbox") && !field.hasAttr("checked"))) {
                continue;
            }
            post.param(name, values.getOrDefault(name, field.val()));
        }
        return post;
    }

    private MockHttpServletRequestBuilder edit(long id) {
        return post("/settings/webhooks/{id}/edit", id).with(owner).with(csrf());
    }

    private String signingSecret(long id) {
        return jdbc.sql("select signing_secret from webhook_endpoint where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long changedRecords() {
        return jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = 'CHANGED'"
                        + " and subject_type = 'WEBHOOK_ENDPOINT'")
                .param("org", org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void enablesDisablesAndDeletesAnEndpoint() throws Exception {
        long id = endpointOf(org).endpoint().id();

        mvc.perform(post("/settings/webhooks/{id}/disable", id).with(owner).with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks/" + id));
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isFalse();
        mvc.perform(post("/settings/webhooks/{id}/enable", id).with(owner).with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks/" + id));
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isTrue();
        mvc.perform(post("/settings/webhooks/{id}/delete", id).with(owner).with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks"));
        assertThat(webhooks.endpoints(org.owner())).isEmpty();
    }

    /**
     * Disabling an endpoint says what it does: an event that happens while it is disabled is not kept for it, and
     * enabling it again does not send that event (the toasts said its events waited). What was queued before waits.
     */
    @Test
    void disablingSaysThatEventsMeanwhileAreNotKeptAndEnablingSendsOnlyWhatWasQueued() throws Exception {
        long id = endpointOf(org).endpoint().id();
        long plan = fixture.monthlyPlan(org).id();
        licences.create(org.manager(), new NewLicence(plan, "Before", null, 1, null));

        var disabled = mvc.perform(
                        post("/settings/webhooks/{id}/disable", id).with(owner).with(csrf()))
                .andReturn();
        licences.create(org.manager(), new NewLicence(plan, "Meanwhile", null, 1, null));
        var enabled = mvc.perform(post("/settings/webhooks/{id}/enable", id)
                        .with(owner)
                        .with(csrf())
                        .header("Accept-Language", "fr"))
                .andReturn();

        assertThat(webhooks.deliveries(org.owner(), id, 1, 10).items())
                .as("only the event queued before the endpoint was disabled")
                .hasSize(1);
        assertThat(disabled.getFlashMap().get("toast"))
                .isEqualTo("Endpoint disabled: nothing is sent to it, and events that happen while it is disabled are"
                        + " not kept for it. Those already queued go out once it is enabled again.");
        assertThat(enabled.getFlashMap().get("toast"))
                .isEqualTo("Point de terminaison activé\u00a0: les événements lui sont de nouveau envoyés, et ceux"
                        + " en file avant sa désactivation partent maintenant.");
    }

    /**
     * A disabled endpoint's waiting delivery is not attempted (the dispatcher takes only enabled endpoints'), so its log
     * does not give it a next attempt: it says the delivery goes once the endpoint is enabled again.
     */
    @Test
    void aDisabledEndpointsLogGivesNoNextAttemptToWhatWaits() throws Exception {
        long id = endpointOf(org).endpoint().id();
        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Lobby", null, 1, null));
        // its next attempt far ahead (whatever day the shared clock was moved to): a dispatcher of this shared context
        // (one runs in it, whatever the property says,
        // the full runs' logs show) took a delivery due now and the page said "Sending" of it
        jdbc.sql("""
                        update webhook_delivery set attempts = 1, last_error = 'Answered 500', next_attempt_at = :later
                         where endpoint_id = :id""")
                .param("later", java.sql.Timestamp.from(java.time.Instant.parse("2999-01-01T00:00:00Z")))
                .param("id", id)
                .update();
        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(content().string(containsString("Next attempt")));

        webhooks.disable(org.owner(), id);

        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Next attempt"))))
                .andExpect(content().string(containsString("Sent once the endpoint is enabled again")));
        mvc.perform(get("/settings/webhooks/{id}", id).with(owner).header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Envoyé une fois le point de terminaison réactivé")));
    }

    /** The delivery log says what went wrong in its reader's language, not in the English it is stored in. */
    @Test
    void theDeliveryLogSaysWhatWentWrongInFrench() throws Exception {
        long id = endpointOf(org).endpoint().id();
        long plan = fixture.monthlyPlan(org).id();
        List<String> stored = List.of(
                "Answered 500",
                "Answered 302 (a redirect, which webhooks do not follow)",
                "No answer within 10 s",
                "hooks.example.com is a private address (10.0.0.7), and this organisation does not allow webhooks"
                        + " to private addresses.",
                "ConnectException",
                "SSLHandshakeException: Received fatal alert: handshake_failure");
        for (String error : stored) {
            licences.create(org.manager(), new NewLicence(plan, "Lobby", null, 1, null));
        }
        List<WebhookDelivery> deliveries =
                webhooks.deliveries(org.owner(), id, 1, 10).items();
        for (int i = 0; i < stored.size(); i++) {
            jdbc.sql("update webhook_delivery set attempts = 1, last_error = :error where id = :id")
                    .param("error", stored.get(i))
                    .param("id", deliveries.get(i).id())
                    .update();
        }

        String french = mvc.perform(
                        get("/settings/webhooks/{id}", id).with(owner).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(french)
                .contains(">Réponse 500<")
                .contains(">Réponse 302 (une redirection, que les webhooks ne suivent pas)<")
                .contains(">Pas de réponse en 10\u00a0s<")
                .contains(">hooks.example.com est une adresse privée (10.0.0.7), et cette organisation n’autorise pas"
                        + " les webhooks vers des adresses privées.<")
                .contains(">Aucune connexion n’a pu être établie avec le point de terminaison.<")
                .contains("SSLHandshakeException: Received fatal alert: handshake_failure")
                .doesNotContain("Answered")
                .doesNotContain("No answer within")
                .doesNotContain("does not allow webhooks");
        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(content().string(containsString(">Answered 500<")))
                .andExpect(content().string(containsString(">No answer within 10 s<")));
    }

    @Test
    void showsTheDeliveryLogAndSendsAFinishedDeliveryAgain() throws Exception {
        long id = endpointOf(org).endpoint().id();
        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Lobby", null, 1, null));
        WebhookDelivery delivery =
                webhooks.deliveries(org.owner(), id, 1, 10).items().get(0);
        mvc.perform(get("/settings/webhooks/{id}", id).with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("licence.created")))
                .andExpect(content().string(containsString(delivery.eventId())));

        mvc.perform(post("/settings/webhooks/{id}/deliveries/{delivery}/send-again", id, delivery.id())
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks/" + id));
        assertThat(webhooks.deliveries(org.owner(), id, 1, 10)
                        .items()
                        .get(0)
                        .status()
                        .name())
                .as("a waiting delivery is not sent twice")
                .isEqualTo("PENDING");

        jdbc.sql("update webhook_delivery set status = 'FAILED', attempts = 10 where id = :id")
                .param("id", delivery.id())
                .update();
        mvc.perform(post("/settings/webhooks/{id}/deliveries/{delivery}/send-again", id, delivery.id())
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks/" + id));
        WebhookDelivery again =
                webhooks.deliveries(org.owner(), id, 1, 10).items().get(0);
        assertThat(again.status().name()).isEqualTo("PENDING");
        assertThat(again.attempts()).isZero();
    }

    /** Sending an event to an outside address again is an owner's action like the others: the audit log has it. */
    @Test
    void aDeliverySentAgainIsInTheAuditLogWithItsEvent() throws Exception {
        long id = endpointOf(org).endpoint().id();
        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Lobby", null, 1, null));
        WebhookDelivery delivery =
                webhooks.deliveries(org.owner(), id, 1, 10).items().get(0);
        mvc.perform(post("/settings/webhooks/{id}/deliveries/{delivery}/send-again", id, delivery.id())
                .with(owner)
                .with(csrf()));
        assertThat(sentAgainRecords())
                .as("a waiting delivery is not sent again, so nothing is recorded")
                .isZero();

        jdbc.sql("update webhook_delivery set status = 'FAILED', attempts = 10 where id = :id")
                .param("id", delivery.id())
                .update();
        mvc.perform(post("/settings/webhooks/{id}/deliveries/{delivery}/send-again", id, delivery.id())
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks/" + id));
        assertThat(sentAgainRecords()).isEqualTo(1);
        mvc.perform(get("/audit")
                        .param("what", "WEBHOOK_ENDPOINT.DELIVERY_SENT_AGAIN")
                        .with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Event sent again")))
                .andExpect(content().string(containsString(org.owner().email())))
                .andExpect(content().string(containsString(delivery.eventId())))
                .andExpect(content().string(containsString(">licence.created</ins>")))
                .andExpect(content().string(containsString(">Failed</del>")))
                .andExpect(content().string(containsString(">Waiting</ins>")))
                // The event is recorded after only: it had one before, so no "none →" (decision 0168)
                .andExpect(content().string(not(containsString("history-none"))));
        mvc.perform(get("/audit")
                        .param("what", "WEBHOOK_ENDPOINT.DELIVERY_SENT_AGAIN")
                        .with(owner)
                        .header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Événement renvoyé")))
                .andExpect(content().string(containsString(">Échec</del>")));
    }

    private long sentAgainRecords() {
        return jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = :action")
                .param("org", org.id())
                .param("action", "DELIVERY_SENT_AGAIN")
                .query(Long.class)
                .single();
    }

    @Test
    void anotherOrganisationsEndpointsAndDeliveriesAreNotFound() throws Exception {
        long theirs = endpointOf(other).endpoint().id();
        licences.create(
                other.manager(), new NewLicence(fixture.monthlyPlan(other).id(), "Theirs", null, 1, null));
        long theirDelivery =
                webhooks.deliveries(other.owner(), theirs, 1, 10).items().get(0).id();
        long mine = endpointOf(org).endpoint().id();

        mvc.perform(get("/settings/webhooks/{id}", theirs).with(owner)).andExpect(status().isNotFound());
        mvc.perform(get("/settings/webhooks/{id}/edit", theirs).with(owner)).andExpect(status().isNotFound());
        for (String action : List.of("enable", "disable", "delete", "roll-secret", "edit")) {
            mvc.perform(post("/settings/webhooks/{id}/" + action, theirs)
                            .with(owner)
                            .with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/settings/webhooks/{id}/deliveries/{delivery}", theirs, theirDelivery)
                        .with(owner))
                .andExpect(status().isNotFound());
        mvc.perform(get("/settings/webhooks/{id}/deliveries/{delivery}", mine, theirDelivery)
                        .with(owner))
                .andExpect(status().isNotFound());
        mvc.perform(post("/settings/webhooks/{id}/deliveries/{delivery}/send-again", theirs, theirDelivery)
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/settings/webhooks/{id}/deliveries/{delivery}/send-again", mine, theirDelivery)
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/settings/webhooks").with(owner))
                .andExpect(content().string(not(containsString("https://203.0.113.7/" + other.id()))));
        assertThat(webhooks.endpoint(other.owner(), theirs).enabled())
                .as("unchanged")
                .isTrue();
    }

    /**
     * An attacker's probes (decision 0159): a delivery of the organisation's other endpoint, asked for under this
     * endpoint's id, is not found and is not sent again; the ids must belong together, not only to the organisation.
     */
    @Test
    void aDeliveryOfAnotherEndpointOfTheSameOrganisationIsNotFoundUnderThisOnesId() throws Exception {
        long first = endpointOf(org).endpoint().id();
        long second = webhooks.register(
                        org.owner(), new NewEndpoint("https://203.0.113.8/" + org.id(), null, true, Set.of()))
                .endpoint()
                .id();
        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Lobby", null, 1, null));
        long secondsDelivery =
                webhooks.deliveries(org.owner(), second, 1, 10).items().get(0).id();
        jdbc.sql("update webhook_delivery set status = 'FAILED', attempts = 1 where endpoint_id = :id")
                .param("id", second)
                .update();

        mvc.perform(get("/settings/webhooks/{id}/deliveries/{delivery}", first, secondsDelivery)
                        .with(owner))
                .andExpect(status().isNotFound());
        mvc.perform(post("/settings/webhooks/{id}/deliveries/{delivery}/send-again", first, secondsDelivery)
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/settings/webhooks/{id}/deliveries/{delivery}", second, secondsDelivery)
                        .with(owner))
                .andExpect(status().isOk());
        assertThat(webhooks.deliveries(org.owner(), second, 1, 10)
                        .items()
                        .get(0)
                        .status())
                .as("not sent again")
                .isEqualTo(io.licencedesk.webhooks.WebhookDeliveryStatus.FAILED);
    }

    /**
     * A delivery's body and its receiver's answer are shown as text: markup in either (a receiver's error page, a
     * body written before texts refused tags) is escaped, never run or parsed as the page's own (decision 0159).
     */
    @Test
    void showsMarkupInADeliverysBodyAndAnswerAsText() throws Exception {
        long id = endpointOf(org).endpoint().id();
        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Lobby", null, 1, null));
        long delivery =
                webhooks.deliveries(org.owner(), id, 1, 10).items().get(0).id();
        String hostile = "{\"name\":\"</script><script>alert(1)</script><img src=x onerror=alert(2)>\"}";
        String answer = "<html><body onload=alert(3)>Bad gateway</body></html>";
        jdbc.sql("""
                        update webhook_delivery set payload = :payload, attempts = 1, last_response_code = 502,
                        last_response = :answer where id = :id
                        """)
                .param("payload", hostile)
                .param("answer", answer)
                .param("id", delivery)
                .update();

        String html = mvc.perform(get("/settings/webhooks/{id}/deliveries/{delivery}", id, delivery)
                        .with(owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var page = Jsoup.parse(html);
        assertThat(page.select("#delivery-body").first().wholeText()).isEqualTo(hostile);
        assertThat(page.select("#delivery-outcome").text()).contains(answer);
        assertThat(page.select("img[src=x], body[onload], [onerror]")).isEmpty();
        assertThat(page.select("script").stream().filter(script -> !script.hasAttr("src")))
                .as("no inline script")
                .isEmpty();
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    /**
     * The answers that show a signing secret once (creation, roll) are not kept by the browser or a proxy: Back or a
     * shared computer's cache would show the secret again (decision 0159).
     */
    @Test
    void theAnswersShowingASecretAreNotStored() throws Exception {
        mvc.perform(post("/settings/webhooks")
                        .param("url", "https://203.0.113.7/" + org.id())
                        .param("allTypes", "true")
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("whsec_")))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
        long id = webhooks.endpoints(org.owner()).get(0).id();
        mvc.perform(post("/settings/webhooks/{id}/roll-secret", id).with(owner).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("whsec_")))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void refusesManagersClientsAnonymousCallersAndPostsWithoutCsrf() throws Exception {
        long id = endpointOf(org).endpoint().id();
        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Queued", null, 1, null));
        long delivery =
                webhooks.deliveries(org.owner(), id, 1, 10).items().get(0).id();
        jdbc.sql("update webhook_delivery set status = 'FAILED', attempts = 1 where id = :id")
                .param("id", delivery)
                .update();
        // Builders are made afresh for each request: with() adds to a builder.
        List<Supplier<MockHttpServletRequestBuilder>> pages = List.of(
                () -> get("/settings/webhooks"),
                () -> get("/settings/webhooks/{id}", id),
                () -> get("/settings/webhooks/{id}/edit", id),
                () -> get("/settings/webhooks/{id}/deliveries/{delivery}", id, delivery));
        List<Supplier<MockHttpServletRequestBuilder>> actions = List.of(
                () -> post("/settings/webhooks")
                        .param("url", "https://203.0.113.7/x")
                        .param("allTypes", "true"),
                () -> post("/settings/webhooks/{id}/disable", id),
                () -> post("/settings/webhooks/{id}/enable", id),
                () -> post("/settings/webhooks/{id}/roll-secret", id),
                () -> post("/settings/webhooks/{id}/edit", id)
                        .param("description", "Changed")
                        .param("allTypes", "true"),
                () -> post("/settings/webhooks/{id}/deliveries/{delivery}/send-again", id, delivery),
                () -> post("/settings/webhooks/{id}/delete", id),
                () -> post("/settings/webhooks/private-addresses").param("allowed", "true"));
        for (var notOwner : List.of(fixture.signedIn(org.manager()), fixture.signedIn(org.alice()))) {
            for (var page : pages) {
                mvc.perform(page.get().with(notOwner)).andExpect(status().isForbidden());
            }
            for (var action : actions) {
                mvc.perform(action.get().with(notOwner).with(csrf())).andExpect(status().isForbidden());
            }
        }
        for (var page : pages) {
            mvc.perform(page.get()).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        for (var action : actions) {
            mvc.perform(action.get().with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(action.get().with(owner)).andExpect(status().isForbidden());
        }
        assertThat(webhooks.endpoints(org.owner())).hasSize(1);
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isTrue();
        assertThat(webhooks.endpoint(org.owner(), id).description())
                .as("not changed")
                .isNull();
        assertThat(webhooks.endpoint(org.owner(), id).previousSecretUntil())
                .as("no roll")
                .isNull();
        assertThat(webhooks.deliveries(org.owner(), id, 1, 10).items().get(0).status())
                .as("not sent again")
                .isEqualTo(io.licencedesk.webhooks.WebhookDeliveryStatus.FAILED);
        assertThat(webhooks.privateAddressesAllowed(org.owner())).isFalse();
    }

    CreatedEndpoint endpointOf(TestOrganisation organisation) {
        return webhooks.register(
                organisation.owner(),
                new NewEndpoint("https://203.0.113.7/" + organisation.id(), null, true, Set.of()));
    }
}
