package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Every operation of the REST API, each with its rightful caller, sent what cannot be read: malformed JSON, JSON
 * of the wrong shape, each field with a value of the wrong type, an unknown field, a huge body, the wrong
 * content type, and query parameters that are not numbers, not in their list or not cursors. Each answer is a 4xx
 * problem naming the path sent as its {@code instance}, never a 5xx, and nothing changes.
 */
class RestApiBadInputIntegrationTests extends RestApiSweep {

    private static final List<String> NOT_OBJECTS = List.of("{", "[]", "null", "\"text\"", "42", "{\"a\":", "{}}");
    private static final List<String> WRONG_VALUES = List.of(
            "\"text\"",
            "-1",
            "1e309",
            "99999999999999999999",
            "true",
            "[]",
            "{}",
            "null",
            "\"" + "x".repeat(5000) + "\"");
    private static final List<String> BAD_QUERIES = List.of(
            "limit=0",
            "limit=-5",
            "limit=abc",
            "limit=99999999999",
            "page=abc",
            "page=-1",
            "client=abc",
            "status=lost",
            "sort=colour",
            "order=up",
            "after=%25%25",
            "after=bm90IGEgY3Vyc29y",
            "before=Ciox",
            "after=Ciox&before=Ciox",
            "expiringSoon=maybe",
            "q=" + "%00".repeat(3));

    /**
     * Sends each operation what {@code requests} makes of it, with its rightful caller's token (a client's in the
     * portal, the owner's elsewhere): more than {@code atLeast} requests in all, each answered as it should be, and
     * nothing changed.
     */
    private void sweep(int atLeast, BadRequests requests) throws Exception {
        String owner = token(org.owner());
        String client = token(org.alice());
        List<Object> before = state();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Operation operation : operations()) {
            sent += requests.send(operation, operation.portal() ? client : owner, wrong);
        }
        assertThat(sent).isGreaterThan(atLeast);
        assertThat(wrong).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    /** One operation's bad requests: each wrong answer is added to {@code wrong}; returns how many were sent. */
    private interface BadRequests {
        int send(Operation operation, String token, List<String> wrong) throws Exception;
    }

    @Test
    void answersWhatCannotBeReadWithAProblemAndChangesNothing() throws Exception {
        sweep(500, this::sendWhatCannotBeRead);
    }

    private int sendWhatCannotBeRead(Operation operation, String token, List<String> wrong) throws Exception {
        List<Sent> requests = new ArrayList<>();
        if (operation.body() != null) {
            for (String body : NOT_OBJECTS) {
                requests.add(new Sent(operation.path(), MediaType.APPLICATION_JSON_VALUE, body));
            }
            for (String field : fields(operation.body())) {
                for (String value : WRONG_VALUES) {
                    if (value.equals("\"text\"") && textField(operation.body(), field)) {
                        continue; // text is what this field takes
                    }
                    if ((value.equals("true") || value.equals("null")) && booleanField(operation.body(), field)) {
                        continue; // a yes or no, or null for "as its plan says" (docs/api.md)
                    }
                    if (value.equals("null") && operation.method().name().equals("PATCH")) {
                        continue; // in a change, null leaves the field as it is (docs/api.md)
                    }
                    requests.add(new Sent(
                            operation.path(), MediaType.APPLICATION_JSON_VALUE, with(operation.body(), field, value)));
                }
            }
            requests.add(new Sent(
                    operation.path(),
                    MediaType.APPLICATION_JSON_VALUE,
                    operation.body().replaceFirst("\\{", "{\"unknownField\": 1, ")));
            requests.add(new Sent(
                    operation.path(),
                    MediaType.APPLICATION_JSON_VALUE,
                    "{\"padding\": \"" + "x".repeat(ApiRequestFilters.MAX_REST_BODY_BYTES) + "\"}"));
            requests.add(new Sent(operation.path(), "text/plain", operation.body()));
            requests.add(new Sent(operation.path(), "application/x-www-form-urlencoded", "name=%ZZ"));
            requests.add(new Sent(operation.path(), "*/*", operation.body()));
        }
        for (String query : operation.write() ? List.<String>of() : BAD_QUERIES) { // no write takes a query
            requests.add(new Sent(operation.path() + "?" + query, null, null, true));
        }
        if (operation.onAnObject()) {
            requests.add(new Sent(operation.pattern().replaceAll("\\{[a-zA-Z]+}", "abc"), null, null));
            requests.add(new Sent(operation.pattern().replaceAll("\\{[a-zA-Z]+}", "99999999999999999999"), null, null));
            requests.add(new Sent(operation.pattern().replaceAll("\\{[a-zA-Z]+}", "-1"), null, null));
        }
        for (Sent bad : requests) {
            var request =
                    request(operation.method(), java.net.URI.create(bad.path())).with(bearer(token));
            if (bad.contentType() != null) {
                request.contentType(bad.contentType()).content(bad.body());
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            int status = response.getStatus();
            boolean readsQueryOnly = bad.contentType() == null
                    && !bad.path().contains("abc")
                    && !bad.path().contains("9999999999")
                    && !bad.path().contains("/-1");
            boolean fine = status >= 400
                    && status < 500
                    && String.valueOf(response.getContentType()).startsWith("application/problem+json");
            // A search for control characters is a search, where q is taken (it finds nothing); every other bad
            // query is a problem, a parameter the operation does not take too (KnownQueryParameters).
            boolean aSearch = bad.queryOnly() && bad.path().contains("?q=") && status == 200;
            if (!fine && !aSearch) {
                wrong.add(operation + " " + bad + ": " + status + " " + response.getContentType());
            } else if (fine && !namesThePathSentAndNoRepositoryFile(response, bad.path())) {
                wrong.add(operation + " " + bad + ": " + status
                        + " without the path sent as its instance, or naming a repository file: "
                        + response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return requests.size();
    }

    /**
     * Every problem names the request it answers (docs/api.md), whichever layer wrote it: a controller's advice, or
     * a filter refusing a body too large or of the wrong type before any controller; and it points to the served
     * documentation, never to a file of our repository.
     */
    private static boolean namesThePathSentAndNoRepositoryFile(MockHttpServletResponse response, String sent)
            throws Exception {
        var instance = tools.jackson.databind.json.JsonMapper.shared()
                .readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .get("instance");
        String path = sent.contains("?") ? sent.substring(0, sent.indexOf('?')) : sent;
        return instance != null
                && instance.isString()
                && instance.asString().equals(path)
                && !response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                        .contains("docs/"); // a repository file, which a reader of the API cannot open
    }

    record Answer(int status, tools.jackson.databind.JsonNode body, String contentType) {

        String type() {
            return body.get("type").asString().replace("https://licencedesk.io/problems/", "");
        }

        String field() {
            return body.get("errors").get(0).get("field").asString();
        }
    }

    Answer send(String method, String path, String token, String json) throws Exception {
        var request =
                request(HttpMethod.valueOf(method), java.net.URI.create(path)).with(bearer(token));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return new Answer(
                response.getStatus(),
                raw.isEmpty()
                        ? null
                        : tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .readTree(raw),
                response.getContentType());
    }

    @Test
    void refusesARequiredFieldChangedToBlankAsTheCreationDoes() throws Exception {
        String owner = token(org.owner());
        String client = token(org.alice());
        List<Object> before = state();
        record Change(String path, String token, String field) {}
        List<Change> changes = List.of(
                new Change("/api/v1/plans/" + plan.id(), owner, "name"),
                new Change("/api/v1/clients/" + org.alice().userId(), owner, "name"),
                new Change("/api/v1/clients/" + org.alice().userId(), owner, "email"),
                new Change("/api/v1/licences/" + licenceId, owner, "name"),
                new Change("/api/v1/portal/licences/" + licenceId + "/screens/" + screenId, client, "name"));
        for (Change change : changes) {
            for (String blank : List.of("", "   ")) {
                Answer answer = send(
                        "PATCH", change.path(), change.token(), "{\"%s\": \"%s\"}".formatted(change.field(), blank));
                assertThat(answer.status()).as(change + " '" + blank + "'").isEqualTo(422);
                assertThat(answer.type()).as(change.toString()).isEqualTo("validation");
                assertThat(answer.field()).as(change.toString()).isEqualTo(change.field());
            }
        }
        assertThat(send("PATCH", "/api/v1/plans/" + plan.id(), owner, "{\"name\": \" \"}")
                        .body()
                        .get("detail")
                        .asString())
                .isEqualTo("Enter a name.");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void refusesAVatNumberThatIsNotLettersAndDigits() throws Exception {
        String owner = token(org.owner());
        List<Object> before = state();
        List<Answer> answers = List.of(
                send(
                        "POST",
                        "/api/v1/clients",
                        owner,
                        "{\"name\": \"New\", \"email\": \"new@example.test\"," + " \"vatNumber\": \"!!??\"}"),
                send("PATCH", "/api/v1/clients/" + org.alice().userId(), owner, "{\"vatNumber\": \"XX!!\"}"));
        for (Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.type()).isEqualTo("validation");
            assertThat(answer.field()).isEqualTo("vatNumber");
        }
        assertThat(state()).isEqualTo(before);
        assertThat(send(
                                "PATCH",
                                "/api/v1/clients/" + org.alice().userId(),
                                owner,
                                "{\"vatNumber\": \"DE 811 907 980\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void namesTheEmailFieldWhenTheAddressIsAnotherAccounts() throws Exception {
        String owner = token(org.owner());
        List<Object> before = state();
        String taken = org.bob().email();
        List<Answer> answers = List.of(
                send("POST", "/api/v1/clients", owner, "{\"name\": \"New\", \"email\": \"%s\"}".formatted(taken)),
                send(
                        "PATCH",
                        "/api/v1/clients/" + org.alice().userId(),
                        owner,
                        "{\"email\": \"%s\"}".formatted(taken.toUpperCase(java.util.Locale.ROOT))));
        for (Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.type()).isEqualTo("conflict");
            assertThat(answer.body().get("detail").asString())
                    .isEqualTo(taken + " is already used by another account.");
            assertThat(answer.field()).isEqualTo("email");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void refusesAScreenNameTheRulesRefuseAsAFieldOfTheBody() throws Exception {
        String client = token(org.alice());
        List<Object> before = state();
        for (String name : List.of("", "x".repeat(300), "<b>Lobby</b>", "Left")) { // Left: the name of another
            for (String[] call : List.of(
                    new String[] {"POST", "/api/v1/portal/licences/" + licenceId + "/screens"},
                    new String[] {"PATCH", "/api/v1/portal/licences/" + licenceId + "/screens/" + screenId})) {
                if (name.equals("Left") && call[0].equals("PATCH")) {
                    continue; // renaming a screen to its own name is no change
                }
                Answer answer = send(call[0], call[1], client, "{\"name\": \"%s\"}".formatted(name));
                // A name another screen has is a conflict with it, as a plan name in use is (docs/api.md).
                boolean taken = name.equals("Left");
                assertThat(answer.status()).as(call[0] + " " + name).isEqualTo(taken ? 409 : 422);
                assertThat(answer.type()).as(call[0] + " " + name).isEqualTo(taken ? "conflict" : "validation");
                assertThat(answer.field()).as(call[0] + " " + name).isEqualTo("name");
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void refusesAPageNumberBelowOneNamingTheParameter() throws Exception {
        String owner = token(org.owner());
        String client = token(org.alice());
        for (String list :
                List.of("/api/v1/clients", "/api/v1/invoices", "/api/v1/portal/licences", "/api/v1/portal/invoices")) {
            for (String page : List.of("0", "-5")) {
                Answer answer = send("GET", list + "?page=" + page, list.contains("portal") ? client : owner, null);
                assertThat(answer.status()).as(list + " " + page).isEqualTo(400);
                assertThat(answer.type()).as(list).isEqualTo("bad-parameter");
                assertThat(answer.field()).as(list).isEqualTo("page");
            }
            assertThat(send("GET", list + "?page=1", list.contains("portal") ? client : owner, null)
                            .status())
                    .isEqualTo(200);
        }
    }

    /**
     * A number of the address is read in decimal digits: {@code /api/v1/licences/0x1f} answered licence 31 and
     * {@code ?limit=0x2} a page of two (Spring read hexadecimal, a leading space or a plus sign), where the document says
     * integer and the 400 says "a whole number". A query parameter is that 400 naming the parameter; an id of the path
     * names nothing, the 404 of an id that does not exist (decision 0151); decimal digits still read.
     */
    @Test
    void readsTheNumbersOfTheAddressInDecimalDigitsOnly() throws Exception {
        String owner = token(org.owner());
        String client = token(org.alice());
        record Sent(String path, String token, String parameter) {}
        List<Sent> sent = List.of(
                new Sent("/api/v1/licences/0x" + Long.toHexString(licenceId), owner, "id"),
                new Sent("/api/v1/licences/%2B" + licenceId, owner, "id"),
                new Sent("/api/v1/licences/%20" + licenceId, owner, "id"),
                new Sent("/api/v1/invoices/0X" + Long.toHexString(invoiceId), owner, "id"),
                new Sent("/api/v1/portal/licences/0x" + Long.toHexString(licenceId), client, "id"),
                new Sent("/api/v1/licences?limit=0x2", owner, "limit"),
                new Sent("/api/v1/licences?limit=%2B2", owner, "limit"),
                new Sent(
                        "/api/v1/licences?client=0x"
                                + Long.toHexString(org.alice().userId()),
                        owner,
                        "client"),
                new Sent("/api/v1/clients?page=0x1", owner, "page"),
                new Sent("/api/v1/portal/invoices?limit=%2010", client, "limit"));
        for (Sent bad : sent) {
            Answer answer = send("GET", bad.path(), bad.token(), null);
            if (bad.parameter().equals("id")) {
                assertThat(answer.status()).as(bad.path()).isEqualTo(404);
                assertThat(answer.type()).as(bad.path()).isEqualTo("not-found");
                continue;
            }
            assertThat(answer.status()).as(bad.path()).isEqualTo(400);
            assertThat(answer.type()).as(bad.path()).isEqualTo("bad-parameter");
            assertThat(answer.field()).as(bad.path()).isEqualTo(bad.parameter());
            assertThat(answer.body().get("detail").asString())
                    .as(bad.path())
                    .isEqualTo("The parameter %s must be a whole number.".formatted(bad.parameter()));
        }
        assertThat(send("GET", "/api/v1/licences/" + licenceId, owner, null).status())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/licences?limit=2&client=" + org.alice().userId(), owner, null)
                        .status())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/clients?page=1&limit=10", owner, null).status())
                .isEqualTo(200);
        Answer tooMany = send("GET", "/api/v1/licences?limit=99999999999999999999", owner, null);
        assertThat(tooMany.body().get("detail").asString()).contains("out of range");
    }

    /**
     * A body that is not one object says what it lacks, and a field sent twice is named, as every other field at
     * fault is: both were "check its syntax, field names and value types" or "A field is sent twice", without a field.
     */
    @Test
    void namesAFieldSentTwiceAndSaysWhatABodyThatIsNoObjectLacks() throws Exception {
        String owner = token(org.owner());
        List<Object> before = state();
        Answer twice = send(
                "POST",
                "/api/v1/licences",
                owner,
                "{\"planId\": %d, \"name\": \"A\", \"name\": \"B\", \"quantity\": 1}".formatted(plan.id()));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.type()).isEqualTo("malformed-body");
        assertThat(twice.field()).isEqualTo("name");
        assertThat(twice.body().get("detail").asString())
                .isEqualTo("The field name is sent twice: send each field once.");
        for (String nothing : List.of("", "null", " ")) {
            Answer answer = send("POST", "/api/v1/licences", owner, nothing);
            assertThat(answer.status()).as("[" + nothing + "]").isEqualTo(400);
            assertThat(answer.type()).isEqualTo("malformed-body");
            assertThat(answer.body().get("detail").asString())
                    .as("[" + nothing + "]")
                    .startsWith("The body is empty, or null: this operation takes a JSON object");
        }
        for (String notAnObject : List.of("[]", "42", "\"text\"", "[{\"name\": \"A\"}]")) {
            Answer answer = send("PATCH", "/api/v1/licences/" + licenceId, owner, notAnObject);
            assertThat(answer.status()).as(notAnObject).isEqualTo(400);
            assertThat(answer.type()).isEqualTo("malformed-body");
            assertThat(answer.body().get("detail").asString())
                    .as(notAnObject)
                    .startsWith("The body must be a JSON object, {…}, with the fields this operation takes");
        }
        Answer trailing = send("PATCH", "/api/v1/licences/" + licenceId, owner, "{\"name\": \"A\"} {\"name\": \"B\"}");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.body().get("detail").asString())
                .isEqualTo("The body holds more after its JSON object: send the object alone.");
        assertThat(state()).isEqualTo(before);
    }

    /** Whole-number fields an operation takes beside those of its sweep body. */
    private static final java.util.Map<String, List<String>> MORE_WHOLE_NUMBERS = java.util.Map.of(
            "POST /api/v1/licences", List.of("clientId"),
            "PATCH /api/v1/licences/{id}", List.of("planId", "clientId"));

    @Test
    void refusesAValueOfAnotherTypeRatherThanConvertingItAndAFieldSentTwice() throws Exception {
        sweep(15, this::sendValuesOfAnotherType);
    }

    private int sendValuesOfAnotherType(Operation operation, String token, List<String> wrong) throws Exception {
        String body = operation.body();
        if (body == null) {
            return 0;
        }
        List<String> bodies = new ArrayList<>();
        var wholeNumbers =
                java.util.regex.Pattern.compile("\"(\\w+)\":\\s*(\\[)?-?\\d").matcher(body);
        while (wholeNumbers.find()) {
            String open = wholeNumbers.group(2) == null ? "" : "[";
            String close = open.isEmpty() ? "" : "]";
            for (String value : List.of("1.5", "1.0", "\"1\"")) {
                bodies.add(with(body, wholeNumbers.group(1), open + value + close));
            }
        }
        for (String field : MORE_WHOLE_NUMBERS.getOrDefault(operation.toString(), List.of())) {
            for (String value : List.of("1.5", "\"1\"")) {
                bodies.add(body.replaceFirst("\\{", "{\"" + field + "\": " + value + ", "));
            }
        }
        var dates = java.util.regex.Pattern.compile("\"(\\w+)\":\\s*\"\\d{4}-\\d{2}-\\d{2}\"")
                .matcher(body);
        while (dates.find()) {
            for (String value : List.of("20791", "20791.5", "1796342400000")) {
                bodies.add(with(body, dates.group(1), value));
            }
        }
        var firstField = java.util.regex.Pattern.compile("\\{\\s*(\"\\w+\":\\s*(\"[^\"]*\"|\\[[^]]*]|[^,}]+))")
                .matcher(body);
        assertThat(firstField.find()).as(body).isTrue();
        bodies.add(
                body.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{" + firstField.group(1) + ", ")));
        for (String bad : bodies) {
            Answer answer = send(operation.method().name(), operation.path(), token, bad);
            if (answer.status() != 400
                    || !String.valueOf(answer.contentType()).startsWith("application/problem+json")
                    || !answer.type().equals("malformed-body")) {
                wrong.add(operation + " " + bad + ": " + answer.status() + " " + answer.body());
            }
        }
        return bodies.size();
    }

    record Sent(String path, String contentType, String body, boolean queryOnly) {

        Sent(String path, String contentType, String body) {
            this(path, contentType, body, false);
        }

        @Override
        public String toString() {
            return path + (contentType == null ? "" : " [" + contentType + "] " + abbreviated(body));
        }

        private static String abbreviated(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "…" : text;
        }
    }

    /** The top-level field names of a flat JSON object written as the bodies above are. */
    static List<String> fields(String body) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\"(\\w+)\":").matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static boolean booleanField(String body, String field) {
        return java.util.regex.Pattern.compile("\"" + field + "\":\\s*(true|false)")
                .matcher(body)
                .find();
    }

    static boolean textField(String body, String field) {
        return java.util.regex.Pattern.compile("\"" + field + "\":\\s*\"")
                .matcher(body)
                .find();
    }

    /** The body with one field's value replaced by raw JSON. */
    static String with(String body, String field, String rawValue) {
        return body.replaceFirst(
                "\"" + field + "\":\\s*(\"[^\"]*\"|\\[[^]]*]|[^,}]+)",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + rawValue));
    }
}
