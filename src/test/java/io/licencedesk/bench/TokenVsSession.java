package io.licencedesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a bearer token costs over a session, on the same search: the console's client drop-down,
 * {@code GET /clients/options?q=…} on the owner's session, and the REST API's {@code GET /api/v1/clients?q=…&limit=20}
 * with the owner's token. No address takes both (the API never reads a session, the console never a token), and
 * these two are the closest pair: both run {@code AccountManagement}'s search of the same clients
 * ({@code findClients}, first 20, same order) and answer JSON. The API also counts the matches for its page
 * ({@code countClients}), one more statement; the term is one client's e-mail, which the trigram index finds at
 * once, so that count is small — and PostgreSQL's own time for it is measured, so it can be told apart. The
 * difference of the medians is therefore an upper bound of what the token adds.
 *
 * <p>The requests alternate, session then token, token then session, so that a change in the machine's load
 * falls on both alike.
 */
final class TokenVsSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int LIMIT = 20;

    /** What the pair measured; times in ms, pg figures medians over the explained requests (NaN when not). */
    record Result(
            String term,
            int rows,
            double sessionP50,
            double sessionP95,
            double tokenP50,
            double tokenP95,
            double sessionServer,
            double tokenServer,
            double sessionPg,
            double tokenPg,
            double tokenPgCount) {

        double difference() {
            return tokenP50 - sessionP50;
        }
    }

    private final ConsoleClient session;
    private final ApiClient token;
    private final PlanLog plans;
    private final String term;

    TokenVsSession(ConsoleClient session, ApiClient token, PlanLog plans, String term) {
        this.session = session;
        this.token = token;
        this.plans = plans;
        this.term = term;
    }

    String sessionPath() {
        return "/clients/options?q=" + ConsoleClient.encode(term);
    }

    String tokenPath() {
        return "/api/v1/clients?q=" + ConsoleClient.encode(term) + "&limit=" + LIMIT;
    }

    /** The clients' ids each side answered, in order; fails on anything but 200. */
    List<Long> sessionIds() throws IOException, InterruptedException {
        return ids(read(session.get(sessionPath()), sessionPath()));
    }

    List<Long> tokenIds() throws IOException, InterruptedException {
        return ids(read(token.get(tokenPath()), tokenPath()).path("data"));
    }

    Result run(int warmUp, int requests, int explained) throws IOException, InterruptedException, SQLException {
        int rows = sessionIds().size();
        if (!tokenIds().equals(sessionIds())) {
            throw new IllegalStateException("The session and the token were answered different clients");
        }
        for (int i = 0; i < warmUp; i++) {
            session.get(sessionPath());
            token.get(tokenPath());
        }
        double[] bySession = new double[requests];
        double[] byToken = new double[requests];
        double[] sessionBefore =
                session.timeAtServer("/clients/options", BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        double[] tokenBefore = session.timeAtServer("/api/v1/clients", BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        for (int i = 0; i < requests; i++) {
            if (i % 2 == 0) {
                bySession[i] = time(true);
                byToken[i] = time(false);
            } else {
                byToken[i] = time(false);
                bySession[i] = time(true);
            }
        }
        double[] sessionAfter =
                session.timeAtServer("/clients/options", BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        double[] tokenAfter = session.timeAtServer("/api/v1/clients", BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        Arrays.sort(bySession);
        Arrays.sort(byToken);
        double[] pg = explained == 0 || plans == null
                ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                : explain(explained);
        return new Result(
                term,
                rows,
                MainListRun.rank(bySession, 50),
                MainListRun.rank(bySession, 95),
                MainListRun.rank(byToken, 50),
                MainListRun.rank(byToken, 95),
                meanMillis(sessionBefore, sessionAfter),
                meanMillis(tokenBefore, tokenAfter),
                pg[0],
                pg[1],
                pg[2]);
    }

    /** One request, timed; its answer is checked after the clock stops. */
    private double time(boolean bySession) throws IOException, InterruptedException {
        String path = bySession ? sessionPath() : tokenPath();
        long start = System.nanoTime();
        var response = bySession ? session.get(path) : token.get(path);
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " while timed");
        }
        return millis;
    }

    /** PostgreSQL's time for all statements of a request on each side, and for the API's count alone (medians). */
    private double[] explain(int explained) throws IOException, InterruptedException, SQLException {
        double[] sessionPg = new double[explained];
        double[] tokenPg = new double[explained];
        double[] tokenCount = new double[explained];
        plans.start();
        try {
            plans.drain();
            for (int i = 0; i < explained; i++) {
                session.get(sessionPath());
                for (PlanLog.Statement statement : plans.drain()) {
                    sessionPg[i] += statement.millis();
                }
                token.get(tokenPath());
                for (PlanLog.Statement statement : plans.drain()) {
                    tokenPg[i] += statement.millis();
                    tokenCount[i] +=
                            statement.plan().contains("select count(*) from app_user") ? statement.millis() : 0;
                }
            }
        } finally {
            plans.stop();
        }
        return new double[] {MainListRun.median(sessionPg), MainListRun.median(tokenPg), MainListRun.median(tokenCount)
        };
    }

    private static JsonNode read(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode clients) {
        return clients.valueStream().map(client -> client.path("id").asLong()).toList();
    }

    private static double meanMillis(double[] before, double[] after) {
        return (after[0] - before[0]) * 1000 / (after[1] - before[1]);
    }

    static void print(Result r, int requests, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%nToken vs session, the same search (q = one client's e-mail, %d client answered), %d requests each,"
                        + " alternating:%n",
                r.rows(),
                requests);
        out.printf(Locale.ROOT, "%-56s %8s %8s %8s %8s%n", "request", "p50 ms", "p95 ms", "srv ms", "pg all");
        out.printf(
                Locale.ROOT,
                "%-56s %8.2f %8.2f %8.2f %8.2f%n",
                "session: GET /clients/options?q=…",
                r.sessionP50(),
                r.sessionP95(),
                r.sessionServer(),
                r.sessionPg());
        out.printf(
                Locale.ROOT,
                "%-56s %8.2f %8.2f %8.2f %8.2f%n",
                "token:   GET /api/v1/clients?q=…&limit=" + LIMIT,
                r.tokenP50(),
                r.tokenP95(),
                r.tokenServer(),
                r.tokenPg());
        out.printf(
                Locale.ROOT,
                "Token adds %.2f ms at the median at the client (target ≤ 1 ms: %s), %.2f ms at the server (mean)."
                        + " Of the token side's PostgreSQL time, %.2f ms is the API's count, which the session side"
                        + " does not run.%n",
                r.difference(),
                r.difference() <= 1 ? "met" : "NOT met",
                r.tokenServer() - r.sessionServer(),
                r.tokenPgCount());
        out.println("srv ms: the server's own mean time (Micrometer, authentication included). pg all: PostgreSQL's"
                + " execution time of every statement of one request (auto_explain, median): the session's look-up"
                + " and save on one side, the token's look-up, the count and the search on the other.");
    }
}
