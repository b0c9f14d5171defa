package io.licencedesk.web;

import static io.licencedesk.web.HandlerRoutes.TRACES;

import io.licencedesk.support.OnPostgres;
import io.licencedesk.web.BadInputFixture.Target;
import io.licencedesk.web.BadInputs.BadInput;
import io.licencedesk.web.BadInputs.Generator;
import io.licencedesk.web.BadRequest.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bad input, generated, against every form and every device-API route on PostgreSQL: control characters and NUL
 * inside valid text, invalid UTF-8, values at and far beyond their longest, the longest valid values of characters
 * that JSON escapes, indexed and nested field names, fields sent twice, wrong content types and huge bodies, from every
 * kind of caller. No answer may be a server error or show a stack trace, and a refusal changes no business table
 * (the {@link #ATTEMPTS tables that count attempts} excepted: counting refused attempts is what they are for; and the
 * audit log, which records a refused coupon code or sign-in, but nothing else, on a refusal: decision 0051).
 *
 * <p>Each family of bad input is one test that makes a fixed number of tries from a seeded generator, so that every
 * build sends the same 10,000 requests. A family's seed is fixed ({@code -DbadInput.seed=123} changes it for every
 * family run); try <i>n</i> draws its choices from the <i>n</i>-th {@link SplittableRandom#split() split} of the seed,
 * so it makes the same input whatever the other tries do. A failure names family, try, seed, route, caller, field and
 * corruption, and how to run that try alone ({@code -DbadInput.try=n}); if it does not fail alone, it depends on what
 * earlier requests wrote, and running the whole class again (same code, same seeds) sends every request again in the
 * same order. Nothing shrinks a failure: the message says exactly what was sent instead.
 *
 * <p>The device API's requests go to the running server over HTTP, where the Content-Type arrives as sent (MockMvc
 * adds a charset to it); the pages' go through MockMvc, signed in without a password. Run with
 * {@code -DbadInput.collect=true} to go on after a failure and collect every distinct one: they are written to
 * target/bad-input-failures.txt, and each family that found any fails at its end.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Nothing in the background may write to a table while a request is checked.
            "licencedesk.mail.poll-interval=PT24H",
            "licencedesk.devices.check-in-flush=PT24H",
            "licencedesk.imports.background=false",
            "licencedesk.imports.recovery-every=PT24H",
            "licencedesk.dashboard.tally-compaction=PT24H",
            "licencedesk.webhooks.poll-interval=PT24H",
            "licencedesk.webhooks.term-scan-delay=PT24H",
            "licencedesk.api.idempotency.clean-up=PT24H",
            "licencedesk.limits.clean-up=PT24H"
        })
@ActiveProfiles("test")
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@OnPostgres
class BadInputPropertyPostgresTests {

    private static final Logger log = LoggerFactory.getLogger(BadInputPropertyPostgresTests.class);
    private static final boolean COLLECT = Boolean.getBoolean("badInput.collect");
    /** Replaces every family's own seed. */
    private static final Long SEED = Long.getLong("badInput.seed");
    /** Runs only this try (counted from 1) of each family run, to replay one failure. */
    private static final Integer ONLY_TRY = Integer.getInteger("badInput.try");

    /**
     * The tables that count attempts against guessing (V16): a limited route such as POST /portal/redeem counts every
     * attempt before it looks at the input, so that a refused guess costs as much as any other, and a failed sign-in
     * counts against its e-mail and browser. Their rows written on a refusal are the refusal's purpose, not a leak.
     */
    static final Set<String> ATTEMPTS = Set.of("attempt_limit", "sign_in_failure", "sign_in_device");

    private static final Map<String, String> FAILURES = new TreeMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static Targets targets;

    @Autowired
    private ApplicationContext context;

    private BadInputFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = BadInputFixture.of(context);
    }

    @Test
    void controlCharactersAndNul(TestInfo test) {
        run(test, 8_001, 2_500, targets -> BadInputs.controlCharacters(targets.withFields));
    }

    @Test
    void invalidUtf8(TestInfo test) {
        run(test, 8_002, 1_000, targets -> BadInputs.invalidUtf8(targets.withFields));
    }

    @Test
    void valuesAtAndBeyondTheirLongest(TestInfo test) {
        run(test, 8_003, 1_500, targets -> BadInputs.lengths(targets.withFields));
    }

    @Test
    void longestValuesThatJsonEscapes(TestInfo test) {
        run(test, 8_004, 1_000, targets -> BadInputs.jsonEscaping(targets.withSizedFields));
    }

    @Test
    void indexedNestedAndDuplicatedFieldNames(TestInfo test) {
        run(test, 8_005, 2_500, targets -> BadInputs.fieldNames(targets.withFields));
    }

    @Test
    void wrongContentTypes(TestInfo test) {
        run(test, 8_006, 1_350, targets -> BadInputs.contentTypes(targets.withBodies));
    }

    @Test
    void hugeBodies(TestInfo test) {
        run(test, 8_007, 150, targets -> BadInputs.hugeBodies(targets.withBodies));
    }

    /** One try of a family: which, of how many, from which seed. */
    record Try(String family, int number, int of, long seed) {
        @Override
        public String toString() {
            return family + " try " + number + " of " + of + ", seed " + seed + " (replay: -Dtest='"
                    + BadInputPropertyPostgresTests.class.getSimpleName() + "#" + family + "' -DbadInput.seed=" + seed
                    + " -DbadInput.try=" + number + ")";
        }
    }

    private void run(TestInfo test, long ownSeed, int tries, Function<Targets, Generator> family) {
        String name = test.getTestMethod().orElseThrow().getName();
        long seed = SEED != null ? SEED : ownSeed;
        Generator generator = family.apply(targets());
        var seeds = new SplittableRandom(seed);
        var kinds = new TreeMap<String, Integer>();
        var failed = new ArrayList<String>();
        long started = System.nanoTime();
        for (int number = 1; number <= tries; number++) {
            RandomGenerator random = seeds.split();
            if (ONLY_TRY != null && number != ONLY_TRY) {
                continue;
            }
            BadInput input = generator.next(random);
            kinds.merge(input.kind(), 1, Integer::sum);
            String failure = check(new Try(name, number, tries, seed), input);
            if (failure != null) {
                failed.add(failure);
            }
        }
        log.info(
                "{}: {} tries from seed {} in {} s: {}",
                name,
                kinds.values().stream().mapToInt(Integer::intValue).sum(),
                seed,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                kinds);
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " of " + tries + " tries of " + name + " failed (each distinct one"
                    + " is in target/bad-input-failures.txt); the first:\n" + failed.get(0));
        }
    }

    private synchronized Targets targets() {
        if (targets == null || targets.fixture() != fixture) {
            targets = Targets.of(fixture);
            log.info(
                    "{} routes, {} route and caller pairs, {} of them admitted",
                    fixture.routes.size(),
                    targets.all.size(),
                    targets.admitted.size());
        }
        return targets;
    }

    /**
     * Sends one bad input and checks the answer: the failure's description, thrown at once unless failures are
     * collected, or null if the answer is fine.
     */
    String check(Try attempt, BadInput input) {
        var request = new BadRequest(fixture, input.target());
        input.change().accept(request);
        var before = fixture.changes();
        long lastEntry = fixture.lastAuditEntry();
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
                    .filter(table -> !ATTEMPTS.contains(table))
                    .filter(table -> !after.get(table).equals(before.get(table)))
                    .filter(table -> !table.equals("audit_event") || fixture.auditedMoreThanRefusals(lastEntry))
                    .toList();
            if (!changed.isEmpty()) {
                problems.add("refused with " + answer.status() + " but changed " + changed);
            }
        }
        return problems.isEmpty() ? null : fail(attempt, input, answer, problems);
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

    private static String fail(Try attempt, BadInput input, Answer answer, List<String> problems) {
        String body = answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body();
        String message = attempt + "\n    " + input + "\n    " + String.join("; ", problems) + "\n    body: "
                + body.replace('\n', ' ');
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
        return message;
    }

    @AfterAll
    static void report() throws IOException {
        log.info("Sent {} generated bad requests; {} distinct failures", REQUESTS.get(), FAILURES.size());
        if (BadInputFixture.current() != null) {
            log.info(
                    "Rows written per table during the run (refusals write none): {}",
                    BadInputFixture.current().changes());
        }
        if (COLLECT) {
            var lines = new ArrayList<String>();
            FAILURES.forEach((key, example) -> lines.add(key + "\n  " + example));
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "bad-input-failures.txt"), lines);
        }
    }

    /** The route and caller pairs, all of them and those that get past sign-in and roles with a plausible request. */
    record Targets(
            BadInputFixture fixture,
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
            return new Targets(fixture, all, admitted, mostly, withFields, withSizedFields, withBodies);
        }
    }
}
