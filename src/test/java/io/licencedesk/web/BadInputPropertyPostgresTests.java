package io.licencedesk.web;

import static io.licencedesk.web.HandlerRoutes.TRACES;

import io.licencedesk.support.OnPostgres;
import io.licencedesk.web.BadInputFixture.Target;
import io.licencedesk.web.BadInputs.BadInput;
import io.licencedesk.web.BadRequest.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bad input, generated, against every form and every device-API route on PostgreSQL: control characters and NUL
 * inside valid text, invalid UTF-8, values at and far beyond their longest, the longest valid values of characters
 * that JSON escapes, indexed and nested field names, fields sent twice, wrong content types and huge bodies, from every
 * kind of caller. No answer may be a server error or show a stack trace, and a refusal changes no business table.
 *
 * <p>jqwik rather than a hand-rolled generator: a failure comes back shrunk to the simplest request that still fails
 * (route, caller, field, value), with its seed to run it again. It does not run Spring's JUnit extension, so the
 * context comes from Spring's TestContext framework directly (see {@link BadInputFixture}), cached like any other
 * test's. The device API's requests go to the running server over HTTP, where the Content-Type arrives as sent
 * (MockMvc adds a charset to it); the pages' go through MockMvc, signed in without a password. Run with {@code -DbadInput.collect=true} to collect every distinct failure instead of stopping at the first
 * of each property: they are written to target/bad-input-failures.txt.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Nothing in the background may write to a table while a request is checked.
            "licencedesk.mail.poll-interval=PT24H",
            "licencedesk.devices.check-in-flush=PT24H"
        })
@ActiveProfiles("test")
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@OnPostgres
class BadInputPropertyPostgresTests {

    private static final Logger log = LoggerFactory.getLogger(BadInputPropertyPostgresTests.class);
    private static final boolean COLLECT = Boolean.getBoolean("badInput.collect");
    private static final Map<String, String> FAILURES = new TreeMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static Targets targets;

    private final BadInputFixture fixture = BadInputFixture.of(BadInputPropertyPostgresTests.class);

    @Property(tries = 2_500)
    void controlCharactersAndNul(@ForAll("controlCharacters") BadInput input) {
        check(input);
    }

    @Property(tries = 1_000)
    void invalidUtf8(@ForAll("invalidUtf8") BadInput input) {
        check(input);
    }

    @Property(tries = 1_500)
    void valuesAtAndBeyondTheirLongest(@ForAll("lengths") BadInput input) {
        check(input);
    }

    @Property(tries = 1_000)
    void longestValuesThatJsonEscapes(@ForAll("jsonEscaping") BadInput input) {
        check(input);
    }

    @Property(tries = 2_500)
    void indexedNestedAndDuplicatedFieldNames(@ForAll("fieldNames") BadInput input) {
        check(input);
    }

    @Property(tries = 1_350)
    void wrongContentTypes(@ForAll("contentTypes") BadInput input) {
        check(input);
    }

    @Property(tries = 150)
    void hugeBodies(@ForAll("hugeBodies") BadInput input) {
        check(input);
    }

    @Provide
    Arbitrary<BadInput> controlCharacters() {
        return BadInputs.controlCharacters(targets().withFields);
    }

    @Provide
    Arbitrary<BadInput> invalidUtf8() {
        return BadInputs.invalidUtf8(targets().withFields);
    }

    @Provide
    Arbitrary<BadInput> lengths() {
        return BadInputs.lengths(targets().withFields);
    }

    @Provide
    Arbitrary<BadInput> jsonEscaping() {
        return BadInputs.jsonEscaping(targets().withSizedFields);
    }

    @Provide
    Arbitrary<BadInput> fieldNames() {
        return BadInputs.fieldNames(targets().withFields);
    }

    @Provide
    Arbitrary<BadInput> contentTypes() {
        return BadInputs.contentTypes(targets().withBodies);
    }

    @Provide
    Arbitrary<BadInput> hugeBodies() {
        return BadInputs.hugeBodies(targets().withBodies);
    }

    private synchronized Targets targets() {
        if (targets == null) {
            targets = Targets.of(fixture);
            log.info(
                    "{} routes, {} route and caller pairs, {} of them admitted",
                    fixture.routes.size(),
                    targets.all.size(),
                    targets.admitted.size());
        }
        return targets;
    }

    void check(BadInput input) {
        Statistics.label("bad input").collect(input.kind());
        var request = new BadRequest(fixture, input.target());
        input.change().accept(request);
        var before = fixture.changes();
        Answer answer = send(fixture, request);
        REQUESTS.incrementAndGet();
        var problems = new ArrayList<String>();
        if (answer.status() >= 500) {
            problems.add("answered " + answer.status() + " (" + answer.cause() + ")");
        }
        TRACES.stream()
                .filter(answer.body()::contains)
                .findFirst()
                .ifPresent(trace -> problems.add("shows \"" + trace + "\""));
        if (problems.isEmpty() && answer.refusal()) {
            var after = fixture.changes();
            var changed = after.keySet().stream()
                    .filter(table -> !after.get(table).equals(before.get(table)))
                    .toList();
            if (!changed.isEmpty()) {
                problems.add("refused with " + answer.status() + " but changed " + changed);
            }
        }
        if (!problems.isEmpty()) {
            fail(input, answer, problems);
        }
    }

    static Answer send(BadInputFixture fixture, BadRequest request) {
        if (request.overHttp()) {
            try {
                return request.exchange(fixture.port);
            } catch (IllegalArgumentException unsendable) {
                // A header value that no HTTP client sends (a control character): MockMvc takes it.
            }
        }
        try {
            var result = fixture.mvc.perform(request.build()).andReturn();
            var response = result.getResponse();
            return new Answer(
                    response.getStatus(),
                    response.getContentAsString(StandardCharsets.UTF_8),
                    result.getResolvedException(),
                    response.getRedirectedUrl(),
                    result.getFlashMap() == null ? null : result.getFlashMap().get("toastKind"));
        } catch (Exception thrown) {
            return Answer.thrown(thrown);
        }
    }

    private static void fail(BadInput input, Answer answer, List<String> problems) {
        String body = answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body();
        String message = input + " " + String.join("; ", problems) + "\n    body: " + body.replace('\n', ' ');
        if (!COLLECT) {
            throw new AssertionError(message);
        }
        String key = input.target() + " | " + input.where() + " | " + input.kind() + " | " + answer.status() + " "
                + (answer.exception() == null
                        ? ""
                        : answer.exception().getClass().getSimpleName());
        synchronized (FAILURES) {
            FAILURES.putIfAbsent(key, message);
        }
    }

    @AfterContainer
    static void report() throws IOException {
        log.info("Sent {} generated bad requests; {} distinct failures", REQUESTS.get(), FAILURES.size());
        log.info(
                "Rows written per table during the run (refusals write none): {}",
                BadInputFixture.of(BadInputPropertyPostgresTests.class).changes());
        if (COLLECT) {
            var lines = new ArrayList<String>();
            FAILURES.forEach((key, example) -> lines.add(key + "\n  " + example));
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "bad-input-failures.txt"), lines);
        }
    }

    /** The route and caller pairs, all of them and those that get past sign-in and roles with a plausible request. */
    record Targets(
            List<Target> all,
            List<Target> admitted,
            List<Target> mostlyAdmitted,
            List<Target> withFields,
            List<Target> withSizedFields,
            List<Target> withBodies) {

        static Targets of(BadInputFixture fixture) {
            var all = new ArrayList<Target>();
            var admitted = new ArrayList<Target>();
            for (var route : fixture.routes) {
                for (var sender : fixture.senders) {
                    if (sender.authorization() != null && !route.pattern().startsWith("/api/")) {
                        continue;
                    }
                    var target = new Target(route, sender);
                    all.add(target);
                    Answer answer = send(fixture, new BadRequest(fixture, target));
                    if (answer.status() != 401
                            && answer.status() != 403
                            && !String.valueOf(answer.redirect()).contains("/login")) {
                        admitted.add(target);
                    }
                }
            }
            // Nine in ten requests from a caller the route admits, so that most get past security to the handler.
            var mostly = new ArrayList<Target>();
            for (int i = 0; i < 9; i++) {
                mostly.addAll(admitted);
            }
            mostly.addAll(all);
            var withFields = mostly.stream()
                    .filter(target -> !BadInputs.fieldSlots(target).isEmpty())
                    .toList();
            // Content types matter where a body is read: the POST routes, and most of all the device API's JSON.
            var withBodies = new ArrayList<Target>();
            for (Target target : mostly) {
                if (target.route().body() != null) {
                    withBodies.addAll(java.util.Collections.nCopies(5, target));
                } else if (!BadInputFixture.isGet(target.route())) {
                    withBodies.add(target);
                }
            }
            var withSizedFields = withFields.stream()
                    .filter(target -> !BadInputs.sizedSlots(target).isEmpty())
                    .toList();
            return new Targets(all, admitted, mostly, withFields, withSizedFields, withBodies);
        }
    }
}
