package io.licencedesk.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.licencedesk.LicenceDeskApplication;
import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.SignedInUser;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.StatementCounter;
import io.licencedesk.support.TestKeyEncryptionKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Sending 20 invoices (issued, PDFs rendered, e-mails handed to a real SMTP server) and rendering one
 * invoice PDF, timed after warm-up on embedded PostgreSQL with GreenMail, and the SQL statements a send
 * executes on the sending thread (delivery, on the dispatcher's thread, is not counted). Run by
 * bench/run-invoices.sh.
 */
public final class InvoiceBenchmark {

    private static final int SELECTION = 20;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(option(args, "rounds", "10"));
        int renders = Integer.parseInt(option(args, "renders", "300"));
        Path data = Files.createTempDirectory("invoice-bench");
        int smtpPort = freePort();
        var smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        try (EmbeddedPostgres postgres =
                        EmbeddedPostgres.builder().setDataDirectory(data).start();
                ConfigurableApplicationContext app = SpringApplication.run(
                        new Class<?>[] {LicenceDeskApplication.class, StatementCounter.class}, new String[] {
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=warn",
                            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            TestKeyEncryptionKeys.ARGUMENT,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--spring.mail.host=127.0.0.1",
                            "--spring.mail.port=" + smtpPort,
                            "--licencedesk.mail.poll-interval=PT0.05S",
                            "--licencedesk.first-owner.email=bench@example.test",
                            "--licencedesk.first-owner.password=bench-password"
                        })) {
            Caller owner = ((SignedInUser)
                            app.getBean(UserDetailsService.class).loadUserByUsername("bench@example.test"))
                    .caller();
            var bench = new Fixture(app, owner);
            var counter = app.getBean(StatementCounter.class);
            List<Double> sends = new ArrayList<>();
            List<Integer> statements = new ArrayList<>();
            int expected = 0;
            for (int round = 0; round < rounds + 3; round++) {
                List<Long> selection = bench.licences(SELECTION);
                long start = System.nanoTime();
                statements.add(counter.count(() -> bench.invoicing.send(owner, selection))
                        .statements());
                expected += SELECTION;
                while (smtp.getReceivedMessages().length < expected) {
                    Thread.sleep(2);
                }
                double millis = (System.nanoTime() - start) / 1e6;
                if (round >= 3) {
                    sends.add(millis);
                }
            }
            int single = counter.count(() -> bench.invoicing.send(owner, bench.licences(1)))
                    .statements();
            Invoice invoice =
                    bench.invoicing.invoices(owner, null, null, 1, 1).items().get(0);
            List<Double> pdfs = new ArrayList<>();
            for (int i = 0; i < renders + 100; i++) {
                long start = System.nanoTime();
                bench.invoicing.pdf(owner, invoice.id());
                if (i >= 100) {
                    pdfs.add((System.nanoTime() - start) / 1e6);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "Invoices, PostgreSQL 17 (embedded), GreenMail SMTP, %d cores, %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    java.time.LocalDate.now());
            print("send 20 invoices until SMTP has all 20", sends);
            print("render one invoice PDF", pdfs);
            int twenty = statements.get(statements.size() - 1);
            System.out.printf(
                    Locale.ROOT,
                    "SQL statements in send (sending thread)    20 invoices: %d (%s in all rounds), 1 invoice: %d%n",
                    twenty,
                    statements.stream().distinct().count() == 1 ? "the same" : "not the same: " + statements,
                    single);
            System.out.printf(
                    Locale.ROOT,
                    "statements per issued invoice              %.2f (20 per send), %.2f (each invoice past the first)%n",
                    twenty / (double) SELECTION,
                    (twenty - single) / (double) (SELECTION - 1));
        } finally {
            smtp.stop();
        }
    }

    private static void print(String what, List<Double> millis) {
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%-42s n=%4d  p50 %8.1f ms  p95 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n",
                what,
                sorted.length,
                at(sorted, 0.50),
                at(sorted, 0.95),
                at(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String option(String[] args, String name, String fallback) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith("--" + name + "="))
                .map(arg -> arg.substring(name.length() + 3))
                .findFirst()
                .orElse(fallback);
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A plan and clients to invoice, and fresh licences for each round. */
    private static final class Fixture {
        final InvoiceManagement invoicing;
        final LicenceManagement licenceManagement;
        final Caller owner;
        final Plan plan;
        final List<Long> clients = new ArrayList<>();
        int made;

        Fixture(ConfigurableApplicationContext app, Caller owner) {
            this.owner = owner;
            this.invoicing = app.getBean(InvoiceManagement.class);
            this.licenceManagement = app.getBean(LicenceManagement.class);
            this.plan = app.getBean(PlanCatalogue.class)
                    .addPlan(owner, new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00")));
            var accounts = app.getBean(AccountManagement.class);
            for (int i = 0; i < SELECTION; i++) {
                clients.add(accounts.addClient(
                                owner,
                                new NewClient(
                                        "Client " + i,
                                        "client" + i + "@example.test",
                                        "Company " + i,
                                        "1 Street\nTown",
                                        "GB" + i))
                        .id());
            }
        }

        List<Long> licences(int count) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++, made++) {
                ids.add(licenceManagement
                        .create(
                                owner,
                                new NewLicence(
                                        plan.id(),
                                        "Licence " + made,
                                        null,
                                        1 + made % 50,
                                        clients.get(i % clients.size())))
                        .id());
            }
            return ids;
        }
    }
}
