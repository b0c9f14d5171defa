package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every text is in both languages (decision 0053), in the style of spring-petclinic's I18nPropertiesSyncTest: each
 * messages file has the keys of the others, and no template writes a user-facing text itself, in a text node, in
 * an attribute people read (placeholder, title, aria-label, alt) or in a data attribute our scripts show (data-all,
 * data-copy-label), unless Thymeleaf replaces it from a message or an expression; nor inside an expression
 * ({@code th:text="|Edit ${code}|"}): what is allowed there is listed in {@link ExpressionTexts}. The scripts'
 * own words come from the layout's {@code #texts} element, filled from messages.
 */
class I18nTests {

    static final Path MESSAGES = Path.of("src/main/resources");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final List<String> LANGUAGES = List.of("messages.properties", "messages_fr.properties");

    /** Attributes a person reads or hears. */
    static final List<String> READ_ATTRIBUTES =
            List.of("placeholder", "title", "aria-label", "alt", "aria-placeholder", "aria-roledescription");

    /** Whatever holds a letter or a digit is words; "▣", "·", "—" and "✕" alone are not. */
    static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]");

    /** Inlined expressions ([[#{key}]], [(${value})]) are not literal. */
    static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

    /** These replace an element's content (or the element), so what is written inside is only a preview. */
    static final List<String> REPLACING =
            List.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove", "th:include", "th:errors");

    @Test
    void everyLanguageHasEveryKey() {
        List<Set<String>> keys = LANGUAGES.stream().map(I18nTests::keys).toList();
        Set<String> all = new TreeSet<>();
        keys.forEach(all::addAll);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < LANGUAGES.size(); i++) {
            for (String key : all) {
                if (!keys.get(i).contains(key)) {
                    missing.add(LANGUAGES.get(i) + ": " + key);
                }
            }
        }
        assertThat(missing).as("keys missing in a language").isEmpty();
    }

    @Test
    void noTranslationIsLeftEmpty() {
        Properties french = properties("messages_fr.properties");
        List<String> empty = french.stringPropertyNames().stream()
                .filter(key -> french.getProperty(key).isBlank())
                .sorted()
                .toList();
        assertThat(empty).as("empty French texts").isEmpty();
    }

    /** A translation takes the same arguments, and a lone ' would start a quoted part of a MessageFormat pattern. */
    @Test
    void translationsTakeTheSameArguments() {
        Properties english = properties("messages.properties");
        Properties french = properties("messages_fr.properties");
        List<String> different = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String fr = french.getProperty(key, en);
            if (!arguments(en).equals(arguments(fr))) {
                different.add(key + ": " + arguments(en) + " / " + arguments(fr));
            }
            if (!arguments(fr).isEmpty() && fr.replace("''", "").contains("'")) {
                different.add(key + ": a single ' in a pattern");
            }
        }
        assertThat(different).as("translations whose arguments differ").isEmpty();
    }

    static Set<String> arguments(String text) {
        Set<String> arguments = new TreeSet<>();
        var matcher = Pattern.compile("\\{(\\d+)").matcher(text);
        while (matcher.find()) {
            arguments.add(matcher.group(1));
        }
        return arguments;
    }

    /**
     * Quotation marks are typographic in both languages: “…” in English (most texts had them; an import's refusals,
     * the reminders' e-mails and a password link's line wrote "…"), « … » in French. The one straight quote kept is the
     * CSV's own escape, a quote written twice (""), which is what the person types (decision 0165).
     */
    @Test
    void quotationMarksAreTypographic() {
        List<String> faults = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_fr.properties")) {
            Properties messages = properties(file);
            messages.stringPropertyNames().stream()
                    .sorted()
                    .filter(key ->
                            messages.getProperty(key).replace("(\"\")", "").contains("\""))
                    .forEach(key -> faults.add(file + " " + key));
        }
        assertThat(faults).as("texts with straight double quotes").isEmpty();
    }

    /**
     * French typography: a no-break space before a colon (U+00A0), so that the colon never starts a line, and a word
     * in lower case after it, not a capital that starts a sentence of its own.
     */
    @Test
    void frenchColonsFollowANoBreakSpaceAndPrecedeLowerCase() {
        Properties french = properties("messages_fr.properties");
        Pattern breakingSpace = Pattern.compile("\\s:");
        Pattern capitalAfter = Pattern.compile(
                ":\\s+(?:Cette|Ce|Cet|Il|Elle|Ils|Le|La|Les|L’|Un|Une|Vous|Votre|Son|Sa|Ses|Aucun|Aucune)\\b|:\\s+\\{\\d");
        List<String> faults = french.stringPropertyNames().stream()
                .sorted()
                .filter(key -> breakingSpace.matcher(french.getProperty(key)).find()
                        || capitalAfter.matcher(french.getProperty(key)).find()
                                && !SENTENCE_AFTER_A_COLON_IS_DATA.contains(key))
                .toList();
        assertThat(faults)
                .as("French colons after a breaking space or before a capital")
                .isEmpty();
    }

    /**
     * The other high punctuation of French typography (? ! ; and the guillemets « ») is kept from its word by a no-break
     * space too, so that a line never starts with it.
     */
    @Test
    void frenchHighPunctuationFollowsANoBreakSpace() {
        Properties french = properties("messages_fr.properties");
        Pattern breakingSpace = Pattern.compile("\\s[?!;»]|«\\s");
        List<String> faults = french.stringPropertyNames().stream()
                .sorted()
                .filter(key -> {
                    String text = french.getProperty(key).replace('\u00a0', '_');
                    return breakingSpace.matcher(text).find();
                })
                .toList();
        assertThat(faults)
                .as("French ? ! ; « » after or before a breaking space")
                .isEmpty();
    }

    /**
     * French groups a number's thousands with a narrow no-break space (U+202F, decision 0093), as Java, Thymeleaf's
     * {@code #numbers} and browsers format numbers for French: "10 000" written with an ordinary space, or with a
     * no-break space of the other width, let a line break inside the number or looked unlike a formatted one.
     */
    @Test
    void frenchNumbersGroupTheirThousandsWithANarrowNoBreakSpace() {
        Properties french = properties("messages_fr.properties");
        Pattern otherSpace = Pattern.compile("\\d[\\s\\u00a0]\\d{3}(?!\\d)");
        List<String> faults = french.stringPropertyNames().stream()
                .sorted()
                .filter(key -> otherSpace.matcher(french.getProperty(key)).find())
                .toList();
        assertThat(faults)
                .as("French numbers grouped with a space other than U+202F")
                .isEmpty();
    }

    /**
     * A number and its unit or percent sign stay on one line in French: "TVA 20 %", "jusqu’à 1 Go" or "{0} ms" were
     * written with an ordinary space, as the file sizes ("{0} Mo") were not (decision 0093).
     */
    @Test
    void frenchUnitsKeepToTheirNumber() {
        Properties french = properties("messages_fr.properties");
        Pattern breakingSpace = Pattern.compile("(?:\\d|\\})\\s(?:%|ms|s|min|ko|Mo|Go|To)(?![\\p{L}\\d])");
        List<String> faults = french.stringPropertyNames().stream()
                .sorted()
                .filter(key -> breakingSpace.matcher(french.getProperty(key)).find())
                .toList();
        assertThat(faults).as("French units after a breaking space").isEmpty();
    }

    /**
     * French names the coupon code one way, "code de licence" (or "code" where the licence is already named): the
     * code a client types to get a licence, which is the licence's own identifier (PRODUCT.md). "Code promo", a
     * discount code, was said in 17 messages beside "code" in the others, and a client told to type a promo code
     * looks for a discount (decision 0097).
     */
    @Test
    void frenchCallsTheCouponCodeByOneName() {
        Properties english = properties("messages.properties");
        Properties french = properties("messages_fr.properties");
        Pattern otherNames = Pattern.compile("(?i)promo|coupon|code d’activation|bon de");
        List<String> faults = french.stringPropertyNames().stream()
                .sorted()
                .filter(key -> otherNames.matcher(french.getProperty(key)).find()
                        || english.getProperty(key, "").matches("(?is).*coupon code.*")
                                && !french.getProperty(key).matches("(?is).*\\bcodes?\\b.*"))
                .toList();
        assertThat(faults)
                .as("French messages naming the coupon code otherwise than \"code de licence\"")
                .isEmpty();
    }

    /**
     * French names the account manager one way, "chargé de compte", as the menu, the sign-in page and the portal do:
     * the People page, its invitation e-mail and the audit log said "gestionnaire de comptes", so that the role a
     * person was given there was not the one the menu then showed them.
     */
    @Test
    void frenchCallsTheAccountManagerByOneName() {
        Properties french = properties("messages_fr.properties");
        List<String> faults = french.stringPropertyNames().stream()
                .sorted()
                .filter(key -> french.getProperty(key).matches("(?is).*gestionnaires? de comptes?.*"))
                .toList();
        assertThat(faults)
                .as("French messages naming the account manager otherwise than \"chargé de compte\"")
                .isEmpty();
        assertThat(french.getProperty("people.role.MANAGER")).isEqualTo(french.getProperty("nav.role.manager"));
    }

    /**
     * French elides "de" and "que" before a vowel ("le rôle d’Ada", "en tant qu’Ada"), and a name's first letter is not
     * known when the message is written: "Rôle de Ada Admin" and "Vue en tant que Emma Martin" were read out on the
     * People page and the view-as banner. A message puts a name where nothing elides ("attribué à {0}", "{0} a …").
     * The keys left out take a number, an amount, an invoice number, a role's name (none starts with a vowel) or a
     * parameter's name.
     */
    @Test
    void frenchElidesNothingBeforeAName() {
        Properties french = properties("messages_fr.properties");
        Pattern elidedBeforeAnArgument = Pattern.compile("(?<![\\p{L}’'])(?:de|que)[ \\u00a0]\\{\\d+}");
        Set<String> notANameOrNotYet = Set.of(
                "reason.import.tooLong",
                "invoice.email.paid",
                "portal.invoices.downloadPdfOf",
                "reason.api.cursorOfAnotherOrder",
                "reason.api.cursorOfAnotherLicence",
                "console.toast.send.sent",
                "console.toast.send.sentSomeAgain",
                "js.send.one",
                "js.send.other",
                "people.mail.invitation.body");
        List<String> faults = french.stringPropertyNames().stream()
                .sorted()
                .filter(key -> !notANameOrNotYet.contains(key))
                .filter(key ->
                        elidedBeforeAnArgument.matcher(french.getProperty(key)).find())
                .toList();
        assertThat(faults)
                .as("French messages writing \"de\" or \"que\" right before a name")
                .isEmpty();
    }

    /**
     * A count written before a plural noun is a choice, so that one thing is not "1 cells" ("The row has 1 cells where
     * the header has 14." for a one-cell line of an import). The keys left out count a limit or a length, never one,
     * or are the "other" form of a one/other pair.
     */
    @Test
    void aCountBeforeAPluralIsAChoiceUnlessItIsALimit() {
        Pattern countThenPlural =
                Pattern.compile("\\{\\d+(?:,number[^}]*)?}[\\s\\u00a0]+(?:characters|caractères|screens|écrans"
                        + "|licences|invoices|factures|cells|cellules|rows|lignes|days|jours|months|years|ans|events|événements"
                        + "|problems|endpoints|points)\\b");
        List<String> faults = new ArrayList<>();
        for (String file : LANGUAGES) {
            Properties messages = properties(file);
            messages.stringPropertyNames().stream()
                    .sorted()
                    .filter(key -> !COUNTS_NEVER_ONE.contains(key) && !key.endsWith(".other"))
                    .filter(key -> countThenPlural
                            .matcher(withoutChoices(messages.getProperty(key)))
                            .find())
                    .forEach(key -> faults.add(file + ": " + key));
        }
        assertThat(faults).as("counts before a plural outside a choice").isEmpty();
    }

    /**
     * Limits (the most characters, years or licences allowed), page sizes, a quantity's registered screens (≥ 2), and
     * counts kept as text with an import's report, which a choice cannot read, whose one has a key of its own.
     */
    static final Set<String> COUNTS_NEVER_ONE = Set.of(
            "reason.password.tooShort",
            "reason.password.tooLong",
            "reason.apiToken.nameInvalid",
            "reason.apiToken.expiryTooFar",
            "reason.screen.nameTooLong",
            "reason.device.fieldLength",
            "reason.licence.nameTooLong",
            "reason.licence.noteTooLong",
            "reason.licence.quantityBelowScreens",
            "reason.settings.daysRange",
            "reason.payment.tooLong",
            "reason.selection.full",
            "reason.selection.tooMany",
            "reason.webhook.descriptionTooLong",
            "reason.webhook.tooManyEndpoints",
            "reason.import.lineTooLong",
            "reason.import.tooLong",
            "reason.import.cellCount",
            "import.problemsShown",
            "licences.countMoreThan",
            "invoices.countMoreThan",
            "invoices.sums.capped",
            "licences.ignored.size");

    /** The text with each {n,choice,…} argument taken out, nested arguments and all. */
    static String withoutChoices(String text) {
        StringBuilder kept = new StringBuilder();
        Matcher choice = Pattern.compile("\\{\\d+,choice,").matcher(text);
        int from = 0;
        while (choice.find(from)) {
            kept.append(text, from, choice.start());
            int depth = 1;
            int at = choice.end();
            while (at < text.length() && depth > 0) {
                depth += text.charAt(at) == '{' ? 1 : text.charAt(at) == '}' ? -1 : 0;
                at++;
            }
            from = at;
        }
        return kept.append(text.substring(Math.min(from, text.length()))).toString();
    }

    @Test
    void theChoiceCheckKeepsWhatIsOutsideChoices() {
        assertThat(withoutChoices("The row has {0,choice,1#1 cell|1<{0,number,integer} cells} where {1} cells"))
                .isEqualTo("The row has  where {1} cells");
        assertThat(withoutChoices("{0} screens")).isEqualTo("{0} screens");
    }

    /** Messages whose argument after the colon is a value (a code, an amount, a date, an address), not a sentence. */
    static final Set<String> SENTENCE_AFTER_A_COLON_IS_DATA = Set.of(
            "invoice.pdf.vatNumber",
            "invoice.pdf.registration",
            "invoice.pdf.line",
            "invoice.pdf.voided",
            "invoice.payOnline",
            "invoice.email.due",
            "invoice.email.portal",
            "reminder.seeLicence",
            "reminder.overdue.ask",
            "portal.invoice.voided",
            "licence.term",
            "licence.firstTerm",
            "portal.invoice.vatRate",
            "console.toast.licence.savedNewCode",
            "digest.subject");

    @Test
    void theFrenchFileSaysItsLanguage() {
        assertThat(properties("messages_fr.properties").getProperty("language")).isEqualTo("fr");
        assertThat(properties("messages.properties").getProperty("language")).isEqualTo("en");
    }

    @Test
    void noTemplateWritesATextItself() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                literals.addAll(literalTexts(file));
            }
        }
        assertThat(literals)
                .as("texts written in templates instead of messages")
                .isEmpty();
    }

    @Test
    void theCheckFindsLiteralTextsAndLeavesMessagesAlone() {
        String html = """
                <div>
                  <h1>Licences</h1>
                  <p th:text="#{licences.title}">Licences</p>
                  <p th:if="${x}">Hello <span th:text="${name}">you</span></p>
                  <input placeholder="Search" th:placeholder="#{licences.search}">
                  <input placeholder="Find">
                  <a title="Open" th:attr="title=#{open}">▣</a>
                  <button aria-label="Close">✕</button>
                  <select data-all="All" data-autosubmit="true" data-bs-target="#send-dialog"></select>
                  <button data-verb="pause" th:attr="data-copy-label=#{label}" data-copy-label="Device credential"></button>
                  <span>[[#{licences.title}]]</span>
                  <script>const words = "not checked";</script>
                </div>
                """;
        assertThat(literalTexts("example.html", html))
                .containsExactly(
                        "example.html: text \"Licences\"",
                        "example.html: text \"Hello\"",
                        "example.html: placeholder \"Find\"",
                        "example.html: aria-label \"Close\"",
                        "example.html: data-all \"All\"");
    }

    static List<String> literalTexts(Path file) {
        try {
            return literalTexts(TEMPLATES.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> literalTexts(String name, String html) {
        List<String> literals = new ArrayList<>();
        var document = Jsoup.parse(html, "", Parser.htmlParser());
        for (Element element : document.getAllElements()) {
            if (element.tagName().equals("script") || element.tagName().equals("style")) {
                continue;
            }
            if (!replaced(element)) {
                for (TextNode text : element.textNodes()) {
                    String words = INLINED.matcher(text.text()).replaceAll("").strip();
                    if (WORDS.matcher(words).find()) {
                        literals.add(name + ": text \"" + words + "\"");
                    }
                }
            }
            for (String attribute : READ_ATTRIBUTES) {
                String value = element.attr(attribute);
                if (WORDS.matcher(value).find()
                        && !element.hasAttr("th:" + attribute)
                        && !element.attr("th:attr").contains(attribute + "=")) {
                    literals.add(name + ": " + attribute + " \"" + value + "\"");
                }
            }
            for (var attribute : element.attributes()) {
                String key = attribute.getKey();
                if (key.startsWith("data-")
                        && !key.startsWith("data-th-")
                        && !element.hasAttr("th:" + key)
                        && !element.attr("th:attr").contains(key + "=")
                        && !ExpressionTexts.value(attribute.getValue())) {
                    literals.add(name + ": " + key + " \"" + attribute.getValue() + "\"");
                }
            }
        }
        return literals;
    }

    /** Whether Thymeleaf writes this element's content itself (or drops it), here or in an enclosing element. */
    static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.tagName().equals("html")) {
                return false; // a page replaces its html element by the layout, which inserts the page's parts
            }
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void noExpressionWritesATextItself() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String name = TEMPLATES.relativize(file).toString();
                literals.addAll(ExpressionTexts.in(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(literals)
                .as("texts written in Thymeleaf expressions instead of messages (file:line)")
                .isEmpty();
    }

    @Test
    void theExpressionCheckFindsWordsAndLeavesCodeAlone() {
        String html = """
                <div>
                  <p th:text="|Edit ${code}|">x</p>
                  <p th:text="${plan.name()} + ' per screen, ' + ${plan.term()}">x</p>
                  <p th:text="${paused ? 'Paused' : 'Active'}">x</p>
                  <p th:text="${n == 1} ? 'screen' : 'screens'">x</p>
                  <a th:attr="data-copy=${code},aria-label=|Copy ${code}|">x</a>
                  <input th:placeholder="'Search'" th:title="#{ok}">
                  <input th:value="${client} ? ${client.label()} : 'Unassigned'">
                  <span>[[${done} ? 'Done' : #{todo}]]</span>
                  <p th:if="${status.name() == 'PAUSED'}" th:classappend="${on} ? 'is-on text-end' : ''">x</p>
                  <p th:text="${#temporals.format(day, 'd MMM yyyy, HH:mm')}">x</p>
                  <p th:text="${#temporals.format(day, 'd MMM yyyy, HH:mm z')}">x</p>
                  <p th:text="${#numbers.formatInteger(n, 1, 'COMMA')}">x</p>
                  <p th:text="#{__${'apiTokens.access.' + access}__}">x</p>
                  <p th:text="${#messages.msg('status.' + s.name())}">x</p>
                  <p th:text="|${percent}%|" th:style="|width: ${percent}%|">x</p>
                  <a th:attr="aria-current=${section == 'people'} ? 'page',aria-describedby=${e} ? 'name-error name-help'">x</a>
                  <th th:replace="~{::sortable('code', #{licence.couponCode}, 'text-end')}">x</th>
                  <nav th:replace="~{fragments/settings :: tabs('webhooks')}"></nav>
                  <a th:href="@{/licences(status='paused')}" th:id="'rename-' + ${id}">x</a>
                </div>
                """;
        assertThat(ExpressionTexts.in("example.html", html))
                .containsExactly(
                        "example.html:2: th:text \"Edit \"",
                        "example.html:3: th:text \" per screen, \"",
                        "example.html:4: th:text \"Paused\"",
                        "example.html:4: th:text \"Active\"",
                        "example.html:5: th:text \"screen\"",
                        "example.html:5: th:text \"screens\"",
                        "example.html:6: th:attr aria-label \"Copy \"",
                        "example.html:7: th:placeholder \"Search\"",
                        "example.html:8: th:value \"Unassigned\"",
                        "example.html:9: [[...]] \"Done\"");
    }

    static Set<String> keys(String file) {
        return properties(file).stringPropertyNames();
    }

    static Properties properties(String file) {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(MESSAGES.resolve(file))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
