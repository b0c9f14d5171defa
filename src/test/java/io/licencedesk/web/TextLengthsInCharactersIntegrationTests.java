package io.licencedesk.web;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every limit on text counts characters (code points), as people, the OpenAPI document's {@code maxLength} and
 * PostgreSQL's {@code varchar(n)} do (decision 0155). Checks counted UTF-16 units ({@code String.length()}), two for an
 * emoji: 150 emoji were refused as over 200 characters; and H2's columns counted units too, so that a value the checks
 * took could not be stored. For every text field checked in the console's and the portal's forms, the REST API, the
 * CSV import and the device API: the limit in emoji (4 bytes in UTF-8, 2 UTF-16 units) is taken and stored whole, and
 * one more is refused with the message a text of as many letters gets.
 */
@IntegrationTest
class TextLengthsInCharactersIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** U+1F600, outside the Basic Multilingual Plane: one character, two UTF-16 units, four UTF-8 bytes. */
    private static final String EMOJI = "\uD83D\uDE00";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Validator validator;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    Clock clock;

    TestOrganisation org;
    long planId;
    long licenceId;
    int sent;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        planId = fixture.monthlyPlan(org).id();
        licenceId = licences.create(
                        org.manager(),
                        new NewLicence(planId, "Wall", null, 50, org.alice().userId()))
                .id();
    }

    static String emoji(int characters) {
        return EMOJI.repeat(characters);
    }

    /** A value unique to each sending (a name may have to be unique), of exactly this many characters. */
    String emojiNumbered(int characters) {
        String number = Integer.toString(++sent);
        return number + emoji(characters - number.length());
    }

    String asciiNumbered(int characters) {
        String number = Integer.toString(++sent);
        return number + "x".repeat(characters - number.length());
    }

    // --- Bean Validation: every @Size on text, wherever it is -------------------------------------------------------

    @Test
    void everySizeOnTextCountsCharacters() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Object.class));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (BeanDefinition found : scanner.findCandidateComponents("io.licencedesk")) {
            Class<?> type =
                    Class.forName(found.getBeanClassName(), false, getClass().getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                Size size = field.getAnnotation(Size.class);
                if (size == null || !CharSequence.class.isAssignableFrom(field.getType()) || size.max() > 100_000) {
                    continue;
                }
                checked++;
                String name = type.getSimpleName() + "." + field.getName();
                if (!sizeRefusals(type, field.getName(), emoji(size.max())).isEmpty()) {
                    wrong.add(name + ": " + size.max() + " emoji refused");
                }
                Set<String> emojiOver = sizeRefusals(type, field.getName(), emoji(size.max() + 1));
                Set<String> lettersOver = sizeRefusals(type, field.getName(), "x".repeat(size.max() + 1));
                if (emojiOver.isEmpty() || !emojiOver.equals(lettersOver)) {
                    wrong.add(name + ": " + (size.max() + 1) + " emoji answered " + emojiOver + ", as many letters "
                            + lettersOver);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("text fields with @Size").isGreaterThanOrEqualTo(50);
    }

    private Set<String> sizeRefusals(Class<?> type, String property, String value) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<ConstraintViolation<?>> violations = (Set) validator.validateValue(type, property, value);
        return violations.stream()
                .filter(violation -> violation.getConstraintDescriptor().getAnnotation() instanceof Size)
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    // --- Each field through its channel, stored whole ----------------------------------------------------------------

    /** What a channel answered: whether it took the value, and the messages it said about the field. */
    record Answer(boolean taken, List<String> messages, String raw) {}

    /** A field, how a value is sent to it, and how it is read back from the database. */
    record Case(String name, int max, Function<String, Answer> send, Function<String, String> stored) {}

    @Test
    void everyCheckedTextFieldTakesItsLimitInEmojiAndRefusesOneMore() {
        List<String> wrong = new ArrayList<>();
        for (Case each : cases()) {
            String longest = emojiNumbered(each.max());
            Answer taken = each.send().apply(longest);
            if (!taken.taken()) {
                wrong.add(each.name() + ": " + each.max() + " emoji refused: " + taken.messages() + " " + taken.raw());
            } else if (!longest.equals(each.stored().apply(longest))) {
                wrong.add(each.name() + ": " + each.max() + " emoji stored as "
                        + each.stored().apply(longest));
            }
            Answer emojiOver = each.send().apply(emojiNumbered(each.max() + 1));
            Answer lettersOver = each.send().apply(asciiNumbered(each.max() + 1));
            if (emojiOver.taken() || lettersOver.taken()) {
                wrong.add(each.name() + ": " + (each.max() + 1) + " characters taken");
            } else if (lettersOver.messages().isEmpty() || !emojiOver.messages().equals(lettersOver.messages())) {
                wrong.add(each.name() + ": " + (each.max() + 1) + " emoji answered " + emojiOver.messages()
                        + ", as many letters " + lettersOver.messages());
            }
        }
        assertThat(wrong).isEmpty();
    }

    List<Case> cases() {
        long screenToRename =
                screens.register(org.alice(), licenceId, "Renamed").screen().id();
        String clientToken = fixture.token(org.alice());
        String managerToken = fixture.token(org.manager());
        String deviceCredential =
                screens.register(org.alice(), licenceId, "Device").credential();
        return List.of(
                // the console's forms
                new Case(
                        "console settings name",
                        200,
                        v -> form(org.owner(), "/settings", "name", v),
                        v -> organisation("name")),
                new Case(
                        "console settings legalName",
                        200,
                        v -> form(org.owner(), "/settings", "legalName", v),
                        v -> organisation("legal_name")),
                new Case(
                        "console settings address",
                        1000,
                        v -> form(org.owner(), "/settings", "address", v),
                        v -> organisation("address")),
                new Case(
                        "console settings senderName",
                        200,
                        v -> form(org.owner(), "/settings", "senderName", v),
                        v -> organisation("sender_name")),
                new Case(
                        "console payment companyRegistration",
                        100,
                        v -> form(org.owner(), "/settings/payment", "companyRegistration", v),
                        v -> organisation("company_registration")),
                new Case(
                        "console payment instructions",
                        1000,
                        v -> form(org.owner(), "/settings/payment", "instructions", v),
                        v -> organisation("payment_instructions")),
                new Case(
                        "console profile name",
                        200,
                        v -> form(org.manager(), "/profile", "name", v),
                        v -> userName(org.manager().userId())),
                new Case(
                        "console invitation name",
                        200,
                        v -> form(org.owner(), "/people", "name", v, "email", "invited" + sent + "@example.test"),
                        this::userNamed),
                new Case(
                        "console webhook description",
                        200,
                        v -> form(
                                org.owner(),
                                "/settings/webhooks",
                                "description",
                                v,
                                "url",
                                "https://203.0.113.7/hooks/" + sent),
                        v -> text("select description from webhook_endpoint where description = ?", v)),
                new Case(
                        "console API token name",
                        100,
                        v -> form(org.manager(), "/api-tokens", "name", v),
                        v -> text("select name from api_token where name = ?", v)),
                new Case(
                        "console licence name",
                        200,
                        v -> form(org.manager(), "/licences/new", "name", v, "planId", planId(), "quantity", "1"),
                        v -> text("select name from licence where name = ?", v)),
                new Case(
                        "console licence note",
                        2000,
                        v -> form(
                                org.manager(),
                                "/licences/new",
                                "note",
                                v,
                                "name",
                                "Noted",
                                "planId",
                                planId(),
                                "quantity",
                                "1"),
                        v -> text("select note from licence where note = ?", v)),
                new Case(
                        "console client name",
                        200,
                        v -> form(org.manager(), "/clients/new", "name", v, "email", "client" + sent + "@example.test"),
                        this::userNamed),
                new Case(
                        "console client company",
                        200,
                        v -> form(
                                org.manager(),
                                "/clients/new",
                                "company",
                                v,
                                "name",
                                "Company",
                                "email",
                                "company" + sent + "@example.test"),
                        v -> text("select company from app_user where company = ?", v)),
                new Case(
                        "console client billingAddress",
                        1000,
                        v -> form(
                                org.manager(),
                                "/clients/new",
                                "billingAddress",
                                v,
                                "name",
                                "Address",
                                "email",
                                "address" + sent + "@example.test"),
                        v -> text("select billing_address from app_user where billing_address = ?", v)),
                new Case(
                        "console plan name",
                        100,
                        v -> form(org.owner(), "/plans/new", "name", v, "term", "P1M", "unitPrice", "10.00"),
                        v -> text("select name from plan where name = ?", v)),
                // the portal's forms
                new Case(
                        "portal profile name",
                        200,
                        v -> form(org.alice(), "/portal/profile", "name", v),
                        v -> userName(org.alice().userId())),
                new Case(
                        "portal profile company",
                        200,
                        v -> form(org.alice(), "/portal/profile", "company", v),
                        v -> text(
                                "select company from app_user where id = ?",
                                org.alice().userId())),
                new Case(
                        "portal profile billingAddress",
                        1000,
                        v -> form(org.alice(), "/portal/profile", "billingAddress", v),
                        v -> text(
                                "select billing_address from app_user where id = ?",
                                org.alice().userId())),
                new Case(
                        "portal screen name",
                        100,
                        v -> screenForm("/portal/licences/" + licenceId + "/screens", v),
                        v -> text("select name from screen where name = ?", v)),
                new Case(
                        "portal screen rename",
                        100,
                        v -> screenForm("/portal/licences/" + licenceId + "/screens/" + screenToRename + "/rename", v),
                        v -> text("select name from screen where id = ?", screenToRename)),
                new Case(
                        "console invoice payment reference",
                        100,
                        v -> form(org.manager(), "/invoices/" + freshInvoice(), "reference", v),
                        v -> text("select payment_reference from invoice where payment_reference = ?", v)),
                new Case(
                        "console invoice void reason",
                        500,
                        v -> form(org.manager(), "/invoices/" + freshInvoice(), "reason", v),
                        v -> text("select void_reason from invoice where void_reason = ?", v)),
                // the REST API
                new Case(
                        "API invoice payment reference",
                        100,
                        v -> api(
                                managerToken,
                                "/api/v1/invoices/" + freshInvoice() + "/pay",
                                "reference",
                                Map.of("paidOn", LocalDate.now(clock).toString(), "reference", v)),
                        v -> text("select payment_reference from invoice where payment_reference = ?", v)),
                new Case(
                        "API invoice void reason",
                        500,
                        v -> api(
                                managerToken,
                                "/api/v1/invoices/" + freshInvoice() + "/void",
                                "reason",
                                Map.of("reason", v)),
                        v -> text("select void_reason from invoice where void_reason = ?", v)),
                new Case(
                        "API licence name",
                        200,
                        v -> api(
                                managerToken,
                                "/api/v1/licences",
                                "name",
                                Map.of("planId", planId, "quantity", 1, "name", v)),
                        v -> text("select name from licence where name = ?", v)),
                new Case(
                        "API licence note",
                        2000,
                        v -> api(
                                managerToken,
                                "/api/v1/licences",
                                "note",
                                Map.of("planId", planId, "quantity", 1, "name", "Noted", "note", v)),
                        v -> text("select note from licence where note = ?", v)),
                new Case(
                        "API client name",
                        200,
                        v -> api(
                                managerToken,
                                "/api/v1/clients",
                                "name",
                                Map.of("name", v, "email", "api" + sent + "@example.test")),
                        this::userNamed),
                new Case(
                        "API client company",
                        200,
                        v -> api(
                                managerToken,
                                "/api/v1/clients",
                                "company",
                                Map.of("name", "Company", "email", "apico" + sent + "@example.test", "company", v)),
                        v -> text("select company from app_user where company = ?", v)),
                new Case(
                        "API client billingAddress",
                        1000,
                        v -> api(
                                managerToken,
                                "/api/v1/clients",
                                "billingAddress",
                                Map.of(
                                        "name",
                                        "Address",
                                        "email",
                                        "apiad" + sent + "@example.test",
                                        "billingAddress",
                                        v)),
                        v -> text("select billing_address from app_user where billing_address = ?", v)),
                new Case(
                        "API plan name",
                        100,
                        v -> api(
                                fixture.token(org.owner()),
                                "/api/v1/plans",
                                "name",
                                Map.of("name", v, "term", "P1M", "unitPrice", "10.00")),
                        v -> text("select name from plan where name = ?", v)),
                new Case(
                        "API portal screen name",
                        100,
                        v -> api(
                                clientToken,
                                "/api/v1/portal/licences/" + licenceId + "/screens",
                                "name",
                                Map.of("name", v)),
                        v -> text("select name from screen where name = ?", v)),
                // the CSV import
                new Case(
                        "CSV import name",
                        200,
                        v -> imported(managerToken, "name", v, "name,plan,screens\n\"" + v + "\",Monthly,1\n"),
                        v -> text("select name from licence where name = ?", v)),
                new Case(
                        "CSV import reference",
                        100,
                        v -> imported(
                                managerToken,
                                "reference",
                                v,
                                "name,plan,screens,reference\nReferenced,Monthly,1,\"" + v + "\"\n"),
                        v -> text("select substring(import_key, 5) from licence where import_key = ?", "ref:" + v)),
                new Case(
                        "CSV import note",
                        2000,
                        v -> imported(
                                managerToken, "note", v, "name,plan,screens,note\nNoted,Monthly,1,\"" + v + "\"\n"),
                        v -> text("select note from licence where note = ?", v)),
                // the device API
                new Case(
                        "device fingerprint",
                        200,
                        v -> device(deviceCredential, "fingerprint", v, "n"),
                        v -> text("select fingerprint from screen where fingerprint = ?", v)),
                new Case("device nonce", 200, v -> device(deviceCredential, "nonce", "device-n", v), v -> v));
    }

    /**
     * A screen name refused is shown again as typed, up to 200 characters: it was cut at 200 UTF-16 units, between the
     * two halves of an emoji, and the box showed "?" at its end.
     */
    @Test
    void aRefusedScreenNameIsShownAgainWithoutHalfACharacter() throws Exception {
        long screen = screens.register(org.alice(), licenceId, "Lobby").screen().id();
        String typed = "a" + emoji(101);

        for (String address : List.of(
                "/portal/licences/" + licenceId + "/screens",
                "/portal/licences/" + licenceId + "/screens/" + screen + "/rename")) {
            MockHttpServletResponse response = mvc.perform(post(address)
                            .param("name", typed)
                            .with(fixture.signedIn(org.alice()))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            Document html = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));

            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(html.select("input[name=name]").eachAttr("value"))
                    .as(address)
                    .contains(typed);
        }
    }

    /**
     * What was typed in a filter or a download's address that the list did not understand is said back cut to 40
     * characters: it was cut at 40 UTF-16 units, inside an emoji, which the page showed as "?".
     */
    @Test
    void aFilterNotUnderstoodIsSaidBackCutBetweenCharacters() throws Exception {
        String typed = "ab" + emoji(50);
        String said = typed.substring(0, typed.offsetByCodePoints(0, 40)) + "…";

        for (String address : List.of("/licences", "/invoices", "/licences/export.csv")) {
            String page = mvc.perform(get(address).param("status", typed).with(fixture.signedIn(org.manager())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);

            assertThat(Jsoup.parse(page).text()).as(address).contains("“" + said + "”");
        }
    }

    /** A coupon code refused is shown again cut to 40 characters, not inside an emoji (it was cut at 40 units). */
    @Test
    void aRefusedCodeIsShownAgainWithoutHalfACharacter() throws Exception {
        String typed = "a" + emoji(30);

        MockHttpServletResponse response = mvc.perform(post("/portal/redeem")
                        .param("code", typed)
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
                        .select("input[name=code]")
                        .eachAttr("value"))
                .containsExactly(typed);
    }

    /**
     * No text is cut to a length by its UTF-16 units any more, which may cut inside an emoji: every {@code
     * x.length() > n ? x.substring(0, n)} of the application is {@code Characters.first}, except where the text is
     * ASCII by its nature (a caller's IP address).
     */
    @Test
    void noTextIsCutByItsUtf16Units() throws Exception {
        var cut = java.util.regex.Pattern.compile("length\\(\\)\\s*[<>]=?\\s*\\w+\\s*\\?[^;]*substring\\(0,");
        Set<String> asciiByNature = Set.of("ApiTokens.java", "CallerAddress.java");
        List<String> found = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(file);
                if (cut.matcher(source).find()
                        && !asciiByNature.contains(file.getFileName().toString())) {
                    found.add(file.toString());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    // --- channels
    // -----------------------------------------------------------------------------------------------------

    /**
     * Sends the page's form holding the field as a browser would, with the values it shows, the field set to the value
     * and the other fields given changed: taken when it redirects; the messages beside the fields otherwise.
     */
    Answer form(Caller who, String page, String field, String value, String... others) {
        try {
            Document html = Jsoup.parse(mvc.perform(get(page).with(fixture.signedIn(who)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            Element form = html.select("form[method=post]").stream()
                    .filter(candidate -> candidate.selectFirst("[name=" + field + "]") != null)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(page + " has no form with " + field));
            Map<String, String> values = new LinkedHashMap<>();
            for (Element input : form.select("input[name], textarea[name], select[name]")) {
                String type = input.attr("type");
                if (input.tagName().equals("select")) {
                    Element chosen = input.selectFirst("option[selected]");
                    values.put(input.attr("name"), chosen == null ? "" : chosen.attr("value"));
                } else if (type.equals("checkbox") || type.equals("radio")) {
                    if (input.hasAttr("checked")) {
                        values.put(input.attr("name"), input.attr("value"));
                    }
                } else if (!type.equals("submit") && !input.attr("name").equals("_csrf")) {
                    values.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
                }
            }
            for (int i = 0; i < others.length; i += 2) {
                values.put(others[i], others[i + 1]);
            }
            values.put(field, value);
            MockHttpServletRequestBuilder request = post(form.attr("action").isEmpty() ? page : form.attr("action"))
                    .with(fixture.signedIn(who))
                    .with(csrf());
            values.forEach(request::param);
            return page(mvc.perform(request).andReturn().getResponse());
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    Answer screenForm(String address, String value) {
        try {
            return page(mvc.perform(post(address)
                            .param("name", value)
                            .with(fixture.signedIn(org.alice()))
                            .with(csrf()))
                    .andReturn()
                    .getResponse());
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    static Answer page(MockHttpServletResponse response) throws Exception {
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getStatus() == 302 || response.getStatus() == 303) {
            return new Answer(true, List.of(), raw);
        }
        Document html = Jsoup.parse(raw);
        List<String> messages = html.select(".invalid-feedback, [id$=-error]").stream()
                .map(Element::text)
                .filter(text -> !text.isBlank())
                .distinct()
                .toList();
        // a page that shows what it made (an API token's secret, once) answers 200 without a message
        return new Answer(
                response.getStatus() == 200 && messages.isEmpty(), messages, response.getStatus() + " " + messages);
    }

    Answer api(String token, String address, String field, Map<String, ?> body) {
        try {
            MockHttpServletResponse response = mvc.perform(post(address)
                            .with(bearer(token))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(JSON.writeValueAsString(body)))
                    .andReturn()
                    .getResponse();
            return problem(response, field);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    static Answer problem(MockHttpServletResponse response, String field) throws Exception {
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getStatus() < 300) {
            return new Answer(true, List.of(), raw);
        }
        JsonNode problem = JSON.readTree(raw);
        List<String> messages = new ArrayList<>();
        messages.add(response.getStatus() + " " + problem.path("type").asString());
        for (JsonNode error : problem.path("errors")) {
            if (field.equals(error.path("field").asString())) {
                messages.add(error.path("detail").asString());
            }
        }
        return new Answer(false, messages, raw);
    }

    /** The CSV import: checked, then confirmed when no row was refused; the refusals of the row otherwise. */
    Answer imported(String token, String column, String value, String file) {
        try {
            JsonNode started = JSON.readTree(mvc.perform(post("/api/v1/licence-imports")
                            .param("name", "book.csv")
                            .with(bearer(token))
                            .contentType("text/csv")
                            .content(file.getBytes(StandardCharsets.UTF_8)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            long id = started.path("id").asLong();
            JsonNode checked = settled(token, id);
            if (checked.path("refused").asLong() > 0) {
                JsonNode problems = JSON.readTree(mvc.perform(get("/api/v1/licence-imports/" + id + "/problems")
                                .with(bearer(token)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
                List<String> messages = new ArrayList<>();
                for (JsonNode problem : problems) {
                    if (column.equals(problem.path("column").asString())) {
                        messages.add(problem.path("reason").asString());
                    }
                }
                return new Answer(false, messages, problems.toString());
            }
            mvc.perform(post("/api/v1/licence-imports/" + id + "/confirm").with(bearer(token)));
            JsonNode done = settled(token, id);
            return new Answer(done.path("created").asLong() == 1, List.of(), done.toString());
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    JsonNode settled(String token, long id) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String status = importOf(token, id).path("status").asString();
                    return !status.equals("checking") && !status.equals("importing");
                });
        return importOf(token, id);
    }

    JsonNode importOf(String token, long id) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/licence-imports/" + id).with(bearer(token)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    Answer device(String credential, String field, String fingerprint, String nonce) {
        try {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/device/activate")
                            .header("Authorization", "Bearer " + credential)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(JSON.writeValueAsString(Map.of("fingerprint", fingerprint, "nonce", nonce))))
                    .andReturn()
                    .getResponse();
            String raw = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() == 200) {
                return new Answer(
                        field.equals("fingerprint") || raw.contains(JSON.writeValueAsString(nonce)), List.of(), raw);
            }
            JsonNode problem = JSON.readTree(raw);
            return new Answer(
                    false,
                    List.of(response.getStatus() + " " + problem.path("detail").asString()),
                    raw);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    // --- what was stored
    // ----------------------------------------------------------------------------------------------

    String text(String sql, Object value) {
        return jdbc.sql(sql).param(value).query(String.class).optional().orElse(null);
    }

    String organisation(String column) {
        return text("select " + column + " from organisation where id = ?", org.id());
    }

    String userName(long id) {
        return text("select name from app_user where id = ?", id);
    }

    String userNamed(String name) {
        return text("select name from app_user where name = ?", name);
    }

    /** An invoice issued now, on a licence of its own: each is paid or voided once. */
    long freshInvoice() {
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(planId, "Billed", null, 1, org.alice().userId()))
                .id();
        return invoicing.send(org.manager(), List.of(licence)).issued().get(0).id();
    }

    String planId() {
        return Long.toString(planId);
    }
}
