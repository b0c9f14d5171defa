package io.licencedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.DeviceLicensing;
import io.licencedesk.devices.RegisteredScreen;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.renewals.Renewals;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.Receiver.Received;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks arrive at a real HTTP receiver: every event type, signed with the endpoint's secret and carrying the REST
 * API's resource; a delivery answered 500 comes again after its back-off, one given up on can be sent again, and a
 * pending delivery lives in the database, so neither a restart nor a node dying mid-send loses it. The dispatcher is
 * driven by hand and time is moved, never waited for.
 */
@IntegrationTest
@MovableTime
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "licencedesk.scheduling.enabled=false",
            // Scheduling runs in tests whatever the switch above says (spring-modulith-moments enables it): the
            // background jobs run once at start, and never again while the tests drive them.
            "licencedesk.webhooks.poll-interval=PT24H",
            "licencedesk.webhooks.term-scan-delay=PT24H",
            "licencedesk.webhooks.retry-delay=PT1M",
            "licencedesk.webhooks.lease=PT1M",
            "licencedesk.webhooks.max-attempts=3",
            // A receiver that never answers is given up on after this (a test waits for it, asserting no duration).
            "licencedesk.webhooks.request-timeout=PT2S"
        })
class WebhookDeliveryIntegrationTests {

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    TestFixture fixture;

    @Autowired
    Renewals renewals;

    @Autowired
    Webhooks webhooks;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    TermNotices termNotices;

    @Autowired
    WebhookFigures figures;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    ScreenManagement screens;

    @Autowired
    DeviceLicensing devices;

    @Autowired
    TestLicences testLicences;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SigningSecretEncryption secretEncryption;

    @Autowired
    SigningSecretsEncryptedAtStart secretsEncryptedAtStart;

    Receiver receiver;
    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new Receiver();
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
        webhooks.allowPrivateAddresses(org.owner(), true);
    }

    @AfterEach
    void tearDown() {
        // Nothing of this test's is left for the next one's dispatcher to send.
        webhooks.endpoints(org.owner()).forEach(endpoint -> webhooks.delete(org.owner(), endpoint.id()));
        receiver.close();
        clock.reset();
    }

    CreatedEndpoint endpointForEverything() {
        return webhooks.register(org.owner(), new NewEndpoint(receiver.url(), "Shop", true, Set.of()));
    }

    @Test
    void everyEventTypeArrivesSignedWithTheApisResource() throws Exception {
        String secret = endpointForEverything().signingSecret();
        LocalDate today = testLicences.today();

        LicenceDetails assigned = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Assigned", null, 2, org.alice().userId()));
        LicenceDetails unassigned =
                licences.create(org.manager(), new NewLicence(monthly.id(), "Coupon", null, 1, null));
        clientLicences.redeem(org.bob(), unassigned.couponCode().toString());
        clientLicences.activate(org.alice(), assigned.id());
        licences.edit(org.manager(), assigned.id(), licence -> licence.withNote("Second floor"));
        licences.pause(org.manager(), assigned.id());
        licences.resume(org.manager(), assigned.id());
        RegisteredScreen screen = screens.register(org.alice(), assigned.id(), "Lobby");
        screens.rename(org.alice(), assigned.id(), screen.screen().id(), "Hall");
        devices.activate(screen.credential(), "player-1", "n-1");
        screens.remove(org.alice(), assigned.id(), screen.screen().id());
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.id())).issued().get(0);
        invoicing.markPaid(org.manager(), invoice.id(), today, "BANK-1");
        // Marked paid by mistake, then paid for real (decision 0086): invoice.payment_removed, and invoice.paid again.
        invoicing.removePayment(org.manager(), invoice.id());
        invoicing.markPaid(org.manager(), invoice.id(), today, "BANK-1");
        Invoice toVoid =
                invoicing.send(org.manager(), List.of(unassigned.id())).issued().get(0);
        invoicing.voidInvoice(org.manager(), toVoid.id(), "Sent by mistake");
        LicenceDetails deleted = licences.create(org.manager(), new NewLicence(monthly.id(), "Gone", null, 1, null));
        licences.delete(org.manager(), deleted.id());
        renewals.renew(org.manager(), assigned.id()); // licence.renewed, and its next term's invoice.issued
        long expiring = testLicences.activated(
                org.owner(),
                monthly,
                org.alice().userId(),
                "Ending",
                today.minusMonths(1).plusDays(5));
        long expired = testLicences.activated(
                org.owner(),
                monthly,
                org.alice().userId(),
                "Ended",
                today.minusMonths(1).minusDays(2));
        termNotices.scan(org.id());

        long before = clock.instant().getEpochSecond();
        dispatcher.dispatchDue();
        long after = clock.instant().getEpochSecond();

        Map<String, Received> byType = new HashMap<>();
        for (Received received : receiver.all(secret, 25)) {
            byType.merge(received.type(), received, (first, second) -> first);
        }
        assertThat(receiver.next(secret)).as("nothing more").isNull();
        assertThat(byType.keySet())
                .as("every type")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .map(EventType::wireName)
                        .collect(Collectors.toSet()));
        assertThat(byType.get("licence.updated").object().get("note").asString())
                .isEqualTo("Second floor");
        assertThat(byType.get("licence.created").object().get("name").asString())
                .isIn("Assigned", "Coupon", "Gone");
        assertThat(byType.get("licence.assigned")
                        .object()
                        .get("client")
                        .get("email")
                        .asString())
                .isEqualTo(org.alice().email());
        assertThat(byType.get("licence.redeemed").object().get("status").asString())
                .isEqualTo("active");
        assertThat(byType.get("licence.paused").object().get("status").asString())
                .isEqualTo("paused");
        assertThat(byType.get("licence.resumed").object().get("status").asString())
                .isEqualTo("active");
        assertThat(byType.get("licence.deleted").object().get("id").asLong())
                .as("a deleted licence's last state")
                .isEqualTo(deleted.id());
        assertThat(byType.get("licence.deleted").object().get("code").asString())
                .isEqualTo(deleted.couponCode().toString());
        assertThat(byType.get("licence.expiring_soon").object().get("id").asLong())
                .isEqualTo(expiring);
        assertThat(byType.get("licence.expiring_soon")
                        .object()
                        .get("expiringSoon")
                        .asBoolean())
                .isTrue();
        assertThat(byType.get("licence.expired").object().get("id").asLong()).isEqualTo(expired);
        assertThat(byType.get("licence.expired").object().get("status").asString())
                .isEqualTo("expired");
        assertThat(byType.get("invoice.issued").object().get("number").asString())
                .isEqualTo(invoice.number());
        assertThat(byType.get("invoice.paid").object().get("status").asString()).isEqualTo("paid");
        assertThat(byType.get("invoice.paid").object().get("paymentReference").asString())
                .isEqualTo("BANK-1");
        assertThat(byType.get("invoice.payment_removed").object().get("number").asString())
                .isEqualTo(invoice.number());
        assertThat(byType.get("invoice.payment_removed").object().get("status").asString())
                .isEqualTo("issued");
        assertThat(byType.get("invoice.payment_removed").object().get("paidOn").isNull())
                .isTrue();
        assertThat(byType.get("invoice.voided").object().get("number").asString())
                .isEqualTo(toVoid.number());
        assertThat(byType.get("invoice.voided").object().get("status").asString())
                .isEqualTo("void");
        assertThat(byType.get("screen.registered").object().get("name").asString())
                .isEqualTo("Lobby");
        assertThat(byType.get("screen.renamed").object().get("name").asString()).isEqualTo("Hall");
        assertThat(byType.get("screen.activated").object().get("activated").asBoolean())
                .isTrue();
        assertThat(byType.get("screen.activated").object().get("name").asString())
                .isEqualTo("Hall");
        assertThat(byType.get("screen.removed").object().get("id").asLong())
                .isEqualTo(screen.screen().id());
        Received paused = byType.get("licence.paused");
        assertThat(paused.event().get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(paused.object().get("amount").get("amount").asString()).isEqualTo("20.00");
        assertThat(paused.object().get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(paused.id()).startsWith("evt_");
        assertThat(paused.timestamp()).as("signed when sent").isBetween(before, after);
    }

    /**
     * Removing the payment of an earlier term's invoice, after the licence renewed, is told of that invoice (decision
     * 0088): the licence's billing is its new term's and does not change, so the licence's event could not send it.
     */
    @Test
    void aPaymentRemovedFromAnEarlierTermsInvoiceIsSentWithThatInvoice() throws Exception {
        LocalDate today = testLicences.today();
        long licence =
                testLicences.activated(org.owner(), monthly, org.alice().userId(), "Renewed", today.minusDays(20));
        Invoice first = invoicing.send(org.manager(), List.of(licence)).issued().get(0);
        invoicing.markPaid(org.manager(), first.id(), today, "BANK-1");
        renewals.renew(org.manager(), licence); // term 2, and its invoice
        String secret = endpointForEverything().signingSecret();

        invoicing.removePayment(org.manager(), first.id());
        dispatcher.dispatchDue();

        Received removed = receiver.next(secret);
        assertThat(removed).isNotNull();
        assertThat(removed.type()).isEqualTo("invoice.payment_removed");
        assertThat(removed.object().get("number").asString()).isEqualTo(first.number());
        assertThat(removed.object().get("status").asString()).isEqualTo("issued");
        assertThat(removed.object().get("paidOn").isNull()).isTrue();
        assertThat(receiver.next(secret)).as("nothing more").isNull();
    }

    /**
     * Paying or voiding an earlier term's invoice, after the licence renewed, is an invoice paid or voided as
     * docs/webhooks.md lists them: the licence's billing is its new term's and does not change, but the event is of
     * the invoice, and carries that invoice, not the licence's newest one.
     */
    @Test
    void anEarlierTermsInvoicePaidOrVoidedIsSentWithThatInvoice() throws Exception {
        LocalDate today = testLicences.today();
        long paidLate =
                testLicences.activated(org.owner(), monthly, org.alice().userId(), "Paid late", today.minusDays(20));
        long voidedLate =
                testLicences.activated(org.owner(), monthly, org.alice().userId(), "Voided late", today.minusDays(20));
        Invoice first =
                invoicing.send(org.manager(), List.of(paidLate)).issued().get(0);
        Invoice toVoid =
                invoicing.send(org.manager(), List.of(voidedLate)).issued().get(0);
        Invoice next = renewals.renew(org.manager(), paidLate).invoice(); // term 2, and its invoice
        invoicing.markPaid(org.manager(), next.id(), today, "BANK-2");
        renewals.renew(org.manager(), voidedLate);
        String secret = endpointForEverything().signingSecret();

        invoicing.markPaid(org.manager(), first.id(), today, "BANK-1");
        invoicing.voidInvoice(org.manager(), toVoid.id(), "Sent by mistake");
        dispatcher.dispatchDue();

        Map<String, Received> byType = new HashMap<>();
        for (Received received : receiver.all(secret, 2)) {
            byType.put(received.type(), received);
        }
        assertThat(receiver.next(secret)).as("nothing more").isNull();
        assertThat(byType).containsOnlyKeys("invoice.paid", "invoice.voided");
        assertThat(byType.get("invoice.paid").object().get("number").asString()).isEqualTo(first.number());
        assertThat(byType.get("invoice.paid").object().get("paymentReference").asString())
                .isEqualTo("BANK-1");
        assertThat(byType.get("invoice.voided").object().get("number").asString())
                .isEqualTo(toVoid.number());
        assertThat(byType.get("invoice.voided").object().get("status").asString())
                .isEqualTo("void");
    }

    @Test
    void aSeatADeviceTakesWithASharedCredentialIsAScreenRegisteredToo() throws Exception {
        String secret = endpointForEverything().signingSecret();
        LicenceDetails licence = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Lobby", null, 2, org.alice().userId()));
        String credential =
                screens.register(org.alice(), licence.id(), "Entrance").credential();
        devices.activate(credential, "device-a", "n-1"); // binds the registered screen: no new one
        devices.activate(credential, "device-b", "n-2"); // takes the free seat: a new screen

        dispatcher.dispatchDue();

        List<String> names = new java.util.ArrayList<>();
        for (Received received = receiver.next(secret); received != null; received = receiver.next(secret)) {
            if (received.type().equals("screen.registered")) {
                names.add(received.object().get("name").asString());
            }
        }
        assertThat(names).containsExactlyInAnyOrder("Entrance", "Screen 2");
    }

    /**
     * An unused licence can be deleted with screens its client registered and no device took; the database deletes
     * them with it. A receiver counting a licence's screens from screen.registered is told each one went, as when the
     * client removes one (decision 0126); before, only licence.deleted came and the screens stayed counted.
     */
    @Test
    void deletingALicenceWithScreensNoDeviceTookSendsEachOneRemoved() throws Exception {
        String secret = endpointForEverything().signingSecret();
        LicenceDetails licence = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Lobby", null, 3, org.alice().userId()));
        long entrance =
                screens.register(org.alice(), licence.id(), "Entrance").screen().id();
        long window =
                screens.register(org.alice(), licence.id(), "Window").screen().id();
        long gone = screens.register(org.alice(), licence.id(), "Gone").screen().id();
        screens.remove(org.alice(), licence.id(), gone);
        licences.delete(org.manager(), licence.id());

        dispatcher.dispatchDue();

        Map<String, List<Long>> byType = new java.util.HashMap<>();
        for (Received received = receiver.next(secret); received != null; received = receiver.next(secret)) {
            byType.computeIfAbsent(received.type(), type -> new java.util.ArrayList<>())
                    .add(received.object().get("id").asLong());
        }
        assertThat(byType.get("screen.removed")).containsExactlyInAnyOrder(gone, entrance, window);
        assertThat(byType.get("licence.deleted")).containsExactly(licence.id());
    }

    /**
     * The screen a device takes is sent as the REST API then reads it (docs/webhooks.md): activated, and checked in at
     * its activation (decision: an activation is the device's first check-in), not "never checked in".
     */
    @Test
    void aSeatADeviceTakesIsSentCheckedInAtItsActivation() throws Exception {
        String secret = endpointForEverything().signingSecret();
        LicenceDetails licence = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Lobby", null, 2, org.alice().userId()));
        String credential =
                screens.register(org.alice(), licence.id(), "Entrance").credential();
        devices.activate(credential, "device-a", "n-1");
        devices.activate(credential, "device-b", "n-2"); // takes the free seat: a new screen

        dispatcher.dispatchDue();

        tools.jackson.databind.JsonNode taken = null;
        for (Received received = receiver.next(secret); received != null; received = receiver.next(secret)) {
            if (received.type().equals("screen.registered")
                    && received.object().get("name").asString().equals("Screen 2")) {
                taken = received.object();
            }
        }
        assertThat(taken).isNotNull();
        assertThat(taken.get("activated").asBoolean()).isTrue();
        assertThat(taken.get("lastCheckInAt").isNull()).as(taken.toString()).isFalse();
        assertThat(taken.get("lastCheckInAt").asString())
                .isEqualTo(taken.get("activatedAt").asString());
    }

    @Test
    void sendsOnlyTheEventsAnEndpointChoseAndNothingToADisabledOne() throws Exception {
        CreatedEndpoint pausesOnly = webhooks.register(
                org.owner(), new NewEndpoint(receiver.url(), null, false, Set.of(EventType.LICENCE_PAUSED)));
        CreatedEndpoint disabled =
                webhooks.register(org.owner(), new NewEndpoint(receiver.url(), null, true, Set.of()));
        webhooks.disable(org.owner(), disabled.endpoint().id());
        LicenceDetails licence = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Screen", null, 1, org.alice().userId()));
        licences.pause(org.manager(), licence.id());

        dispatcher.dispatchDue();

        assertThat(receiver.next(pausesOnly.signingSecret()).type()).isEqualTo("licence.paused");
        assertThat(receiver.next(pausesOnly.signingSecret())).isNull();
        assertThat(webhooks.deliveries(org.owner(), disabled.endpoint().id(), 1, 10)
                        .total())
                .isZero();
    }

    @Test
    void deliversAgainAfterTheBackOffWhenTheReceiverAnswered500() throws Exception {
        String secret = endpointForEverything().signingSecret();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        receiver.answer(500, 204);
        pausedLicence();

        dispatcher.dispatchDue();
        Received first = receiver.next(secret);
        WebhookDelivery failed = onlyDelivery(endpoint);
        assertThat(failed.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastResponseCode()).isEqualTo(500);
        assertThat(failed.lastResponse()).isEqualTo("answer 500");
        assertThat(failed.lastDurationMs()).isNotNull();

        dispatcher.dispatchDue();
        assertThat(receiver.next(secret)).as("not before its back-off").isNull();

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        Received again = receiver.next(secret);
        assertThat(again.id()).as("the same event").isEqualTo(first.id());
        assertThat(again.body()).isEqualTo(first.body());
        WebhookDelivery delivered = onlyDelivery(endpoint);
        assertThat(delivered.status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastResponseCode()).isEqualTo(204);
    }

    /**
     * A receiver that takes the request and never answers: the log says "No answer within 2 s", a reason it words in
     * its reader's language, where it said Java's "HttpTimeoutException: request timed out" (the client's own timeout
     * fired first, so the sender's wording was never used); and the delivery is retried after its back-off.
     */
    @Test
    void aReceiverThatNeverAnswersIsNoAnswerInTimeAndRetried() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/hooks";
            long endpoint = webhooks.register(org.owner(), new NewEndpoint(url, "Silent", true, Set.of()))
                    .endpoint()
                    .id();
            pausedLicence();

            dispatcher.dispatchDue();

            WebhookDelivery waiting = onlyDelivery(endpoint);
            assertThat(waiting.lastError()).isEqualTo("No answer within 2 s");
            assertThat(waiting.lastErrorReason())
                    .isEqualTo(io.licencedesk.shared.Reason.of("reason.webhook.delivery.timeout", 2L));
            assertThat(waiting.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
            assertThat(waiting.lastResponseCode()).isNull();
            assertThat(waiting.nextAttemptAt()).isAfter(clock.instant());
        }
    }

    /**
     * Rolling the secret as Stripe does (decision 0157): the replaced secret signs beside the new one for a day, so a
     * receiver holding either accepts every delivery while it changes, then stops; "stop now" drops it at once.
     */
    @Test
    void aRolledSecretSignsBesideTheNewOneForADayAndStopsAtOnceWhenAsked() throws Exception {
        CreatedEndpoint created = endpointForEverything();
        String first = created.signingSecret();
        long endpoint = created.endpoint().id();

        Instant rolledAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String second = webhooks.rollSecret(org.owner(), endpoint, true).signingSecret();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(webhooks.endpoint(org.owner(), endpoint).previousSecretUntil())
                .isBetween(rolledAt.plus(Duration.ofHours(24)), clock.instant().plus(Duration.ofHours(24)));
        pausedLicence();
        dispatcher.dispatchDue();
        Received during = receiver.next(second);
        assertThat(during.signatures()).as("one for each secret").hasSize(2);
        assertThat(during.signedWith(first))
                .as("a receiver still holding the replaced secret")
                .isTrue();
        assertThat(during.signatures().get(0))
                .as("the new secret's first")
                .isEqualTo(Receiver.hmacSha256(second, during.timestamp() + "." + during.body()));

        clock.advance(Duration.ofHours(24));
        pausedLicence();
        dispatcher.dispatchDue();
        Received after = receiver.next(second);
        assertThat(after.signatures()).as("the day is over").hasSize(1);
        assertThat(after.signedWith(first)).isFalse();
        assertThat(webhooks.endpoint(org.owner(), endpoint).previousSecretSigns(clock.instant()))
                .isFalse();

        String third = webhooks.rollSecret(org.owner(), endpoint, false).signingSecret();
        pausedLicence();
        dispatcher.dispatchDue();
        Received stopped = receiver.next(third);
        assertThat(stopped.signatures()).as("a leaked secret stops at once").hasSize(1);
        assertThat(stopped.signedWith(second)).isFalse();
        assertThat(webhooks.endpoint(org.owner(), endpoint).previousSecretUntil())
                .isNull();
    }

    /**
     * The database holds the signing secrets encrypted (decision 0167): a copy of it, or of a backup, does not give
     * them away; the deliveries are still signed with the secrets shown once, the rolled one beside the new one.
     */
    @Test
    void theStoredSecretsAreNotTheSecretsAndStillSign() throws Exception {
        CreatedEndpoint created = endpointForEverything();
        String first = created.signingSecret();
        long endpoint = created.endpoint().id();
        assertThat(storedSecrets(endpoint).get(0)).doesNotContain(first).doesNotStartWith("whsec_");

        String second = webhooks.rollSecret(org.owner(), endpoint, true).signingSecret();
        List<String> stored = storedSecrets(endpoint);
        assertThat(stored).doesNotContainNull();
        for (String value : stored) {
            assertThat(value).doesNotContain(first).doesNotContain(second).doesNotStartWith("whsec_");
            assertThat(secretEncryption.sealedWithCurrentKey(value)).isTrue();
        }
        pausedLicence();
        dispatcher.dispatchDue();
        assertThat(receiver.next(second).signedWith(first)).isTrue();
    }

    /**
     * Secrets stored before decision 0167, unencrypted, still sign, and are encrypted at the next start, the
     * previous one too.
     */
    @Test
    void aSecretStoredUnencryptedStillSignsAndIsEncryptedAtStart() throws Exception {
        CreatedEndpoint created = endpointForEverything();
        String first = created.signingSecret();
        long endpoint = created.endpoint().id();
        String second = webhooks.rollSecret(org.owner(), endpoint, true).signingSecret();
        jdbc.sql("""
                        update webhook_endpoint set signing_secret = :second, previous_signing_secret = :first
                        where id = :id""")
                .param("second", second)
                .param("first", first)
                .param("id", endpoint)
                .update();
        pausedLicence();
        dispatcher.dispatchDue();
        assertThat(receiver.next(second).signedWith(first)).isTrue();

        secretsEncryptedAtStart.afterSingletonsInstantiated();

        List<String> stored = storedSecrets(endpoint);
        assertThat(stored.get(0)).doesNotContain(second);
        assertThat(stored.get(1)).doesNotContain(first);
        assertThat(stored).allMatch(secretEncryption::sealedWithCurrentKey);
        pausedLicence();
        dispatcher.dispatchDue();
        assertThat(receiver.next(second).signedWith(first)).isTrue();
    }

    /**
     * A delivery whose endpoint's secret does not open with this node's keys (another key, an altered row) is left for a
     * node that can open it, and the deliveries after it in the batch still go: the exception ended the batch.
     */
    @Test
    void aSecretThatDoesNotOpenHoldsBackOnlyItsOwnDelivery() throws Exception {
        long unopened = endpointForEverything().endpoint().id();
        CreatedEndpoint other =
                webhooks.register(org.owner(), new NewEndpoint(receiver.url() + "?other", "Other", true, Set.of()));
        // The other endpoint's sealed secret is bound to that endpoint: on this row it does not open.
        jdbc.sql("""
                        update webhook_endpoint
                        set signing_secret = (select signing_secret from webhook_endpoint where id = :other)
                        where id = :id""")
                .param("other", other.endpoint().id())
                .param("id", unopened)
                .update();
        pausedLicence();

        dispatcher.dispatchDue();

        assertThat(receiver.next(other.signingSecret()))
                .as("the other endpoint's delivery")
                .isNotNull();
        assertThat(jdbc.sql("select status from webhook_delivery where endpoint_id = :id")
                        .param("id", unopened)
                        .query(String.class)
                        .list())
                .as("the delivery whose secret does not open, left unclaimed")
                .containsExactly("PENDING");
    }

    /** The endpoint's stored signing secret and previous one, as the database holds them. */
    List<String> storedSecrets(long endpoint) {
        return jdbc.sql("select signing_secret, previous_signing_secret from webhook_endpoint where id = :id")
                .param("id", endpoint)
                .query((rs, n) -> java.util.Arrays.asList(
                        rs.getString("signing_secret"), rs.getString("previous_signing_secret")))
                .single();
    }

    /**
     * A delivery queued before the roll and retried after it is signed with the secrets of its attempt's time: the
     * receiver that took the new secret meanwhile accepts the retry.
     */
    @Test
    void aRetryAfterARollIsSignedWithTheNewSecret() throws Exception {
        CreatedEndpoint created = endpointForEverything();
        long endpoint = created.endpoint().id();
        receiver.answer(500);
        pausedLicence();
        dispatcher.dispatchDue();
        Received refused = receiver.next(created.signingSecret());

        String rolled = webhooks.rollSecret(org.owner(), endpoint, false).signingSecret();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        Received retried = receiver.next(rolled);
        assertThat(retried.id()).isEqualTo(refused.id());
        assertThat(retried.signedWith(created.signingSecret())).isFalse();
        assertThat(onlyDelivery(endpoint).status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
    }

    /**
     * What went wrong is stored in English, and the delivery log words it in its reader's language: each error the
     * dispatcher writes itself is read back as its reason (ConsoleWebhookIntegrationTests shows the French page).
     */
    @Test
    void eachErrorTheDispatcherWritesIsReadBackAsItsReason() throws Exception {
        String secret = endpointForEverything().signingSecret();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        receiver.answer(500);
        pausedLicence();

        dispatcher.dispatchDue();
        assertThat(receiver.next(secret)).isNotNull();
        assertThat(onlyDelivery(endpoint).lastErrorReason())
                .isEqualTo(io.licencedesk.shared.Reason.of("reason.webhook.delivery.answered", 500));

        receiver.redirect(receiver.server.url("/elsewhere").toString());
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(receiver.next(secret)).isNotNull();
        assertThat(onlyDelivery(endpoint).lastErrorReason())
                .isEqualTo(io.licencedesk.shared.Reason.of("reason.webhook.delivery.redirect", 302));

        webhooks.allowPrivateAddresses(org.owner(), false);
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        WebhookDelivery refused = onlyDelivery(endpoint);
        assertThat(refused.lastErrorReason()).as(refused.lastError()).isNotNull();
        assertThat(refused.lastErrorReason().code()).startsWith("reason.webhook.privateAddress");
        assertThat(refused.lastErrorReason().arguments().get(0)).isEqualTo(receiver.server.getHostName());
    }

    /**
     * A delivery that fails is logged with the receiver's host and port, never its path, query or the signing secret:
     * the line said only "ConnectException", which did not tell an operator which of many endpoints failed (decision
     * 0158's walk, 0163).
     */
    @Test
    void aFailedDeliveryIsLoggedWithItsHostAndNeverItsPathQueryOrSecret(CapturedOutput log) throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/hooks/path-token-never-logged?key=query-token-never-logged";
        CreatedEndpoint created = webhooks.register(org.owner(), new NewEndpoint(url, "Closed", true, Set.of()));
        long endpoint = created.endpoint().id();
        pausedLicence();
        long delivery = onlyDelivery(endpoint).id();

        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();

        assertThat(onlyDelivery(endpoint).status()).isEqualTo(WebhookDeliveryStatus.FAILED);
        assertThat(log.getOut())
                .contains("Webhook delivery " + delivery + " failed (attempt 1, host 127.0.0.1:" + closed
                        + "), retrying in PT1M: ")
                .contains("Webhook delivery " + delivery + " failed (attempt 2, host 127.0.0.1:" + closed
                        + "), retrying in PT2M: ")
                .contains("Giving up on webhook delivery " + delivery + " after 3 attempts (host 127.0.0.1:" + closed
                        + "): ")
                .doesNotContain("path-token-never-logged", "query-token-never-logged", created.signingSecret());
        assertThat(WebhookDispatcher.hostOf("https://user:pass@hooks.example.test/in?token=x"))
                .isEqualTo("hooks.example.test:443");
        assertThat(WebhookDispatcher.hostOf("http://[::1]/in")).isEqualTo("[::1]:80");
    }

    /**
     * What the operations module's gauges read (docs/operations.md, "What to watch"): the deliveries waiting, how long
     * the oldest one due has waited for a dispatcher, and those given up on. A delivery waiting for its retry's time
     * is waiting but not late; one to a disabled endpoint waits for its owner and is not counted. Nothing measured
     * them (decision 0158's walk).
     */
    @Test
    void theFiguresCountWhatWaitsWhatIsLateAndWhatWasGivenUpOn() throws Exception {
        WebhookFigures.Snapshot before = figures.read(clock.instant());
        String secret = endpointForEverything().signingSecret();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        receiver.answer(500, 500, 500);
        pausedLicence();
        Instant due = clock.instant();

        clock.advance(Duration.ofSeconds(90));
        WebhookFigures.Snapshot late = figures.read(clock.instant());
        assertThat(late.waiting() - before.waiting()).isEqualTo(1);
        assertThat(late.oldestDueSince()).isNotNull().isBeforeOrEqualTo(due);

        dispatcher.dispatchDue();
        assertThat(receiver.next(secret)).isNotNull();
        WebhookFigures.Snapshot backingOff = figures.read(clock.instant());
        assertThat(backingOff.waiting() - before.waiting())
                .as("waiting for its retry")
                .isEqualTo(1);
        assertThat(backingOff.oldestDueSince()).as("but not late").isEqualTo(before.oldestDueSince());

        webhooks.disable(org.owner(), endpoint);
        assertThat(figures.read(clock.instant()).waiting())
                .as("a disabled endpoint's")
                .isEqualTo(before.waiting());
        webhooks.enable(org.owner(), endpoint);

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        assertThat(receiver.all(secret, 2)).hasSize(2);
        WebhookFigures.Snapshot givenUp = figures.read(clock.instant());
        assertThat(givenUp.waiting()).isEqualTo(before.waiting());
        assertThat(givenUp.failed() - before.failed()).isEqualTo(1);
    }

    @Test
    void doesNotFollowARedirect() throws Exception {
        String secret = endpointForEverything().signingSecret();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        receiver.redirect(receiver.server.url("/elsewhere").toString());
        pausedLicence();

        dispatcher.dispatchDue();

        assertThat(receiver.next(secret)).isNotNull();
        assertThat(receiver.next(secret)).as("the redirect is not followed").isNull();
        WebhookDelivery redirected = onlyDelivery(endpoint);
        assertThat(redirected.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(redirected.lastResponseCode()).isEqualTo(302);
        assertThat(redirected.lastError()).contains("redirect");
    }

    @Test
    void givesUpAfterTheLastAttemptAndSendsAgainWhenAPersonAsks() throws Exception {
        String secret = endpointForEverything().signingSecret();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        receiver.answer(500, 502, 503, 200);
        pausedLicence();

        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofDays(1));
        dispatcher.dispatchDue();
        assertThat(receiver.all(secret, 3)).hasSize(3);
        assertThat(receiver.next(secret)).as("no fourth attempt").isNull();
        WebhookDelivery failed = onlyDelivery(endpoint);
        assertThat(failed.status()).isEqualTo(WebhookDeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastResponseCode()).isEqualTo(503);

        assertThat(webhooks.sendAgain(org.owner(), endpoint, failed.id())).isTrue();
        dispatcher.dispatchDue();

        assertThat(receiver.next(secret).type()).isEqualTo("licence.paused");
        assertThat(onlyDelivery(endpoint).status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
        assertThat(webhooks.sendAgain(org.owner(), endpoint, failed.id()))
                .as("a delivered one can be sent again too")
                .isTrue();
    }

    @Test
    void aPendingDeliveryIsCommittedWithItsChangeAndSurvivesARestart() throws Exception {
        String secret = endpointForEverything().signingSecret();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        LicenceDetails licence = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Screen", null, 1, org.alice().userId()));
        transactions.executeWithoutResult(status -> {
            licences.pause(org.manager(), licence.id());
            status.setRollbackOnly();
        });
        assertThat(deliveries.count(org.id(), endpoint))
                .as("created and assigned; the rolled-back pause queued nothing")
                .isEqualTo(2);

        // A fresh dispatcher, as after a restart, finds the committed deliveries in the table.
        new WebhookDispatcher(
                        new DeliveryRepository(jdbc, secretEncryption),
                        new EndpointRepository(jdbc, secretEncryption, dataSource),
                        new EndpointAddresses(),
                        new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                        new org.springframework.context.support.StaticMessageSource(),
                        clock,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1),
                        3,
                        Duration.ofDays(30))
                .dispatchDue();

        assertThat(receiver.all(secret, 2))
                .extracting(Received::type)
                .containsExactlyInAnyOrder("licence.created", "licence.assigned");
    }

    @Test
    void aDeliveryWhoseSenderDiedIsSentAgainOnceItsLeaseEnds() throws Exception {
        String secret = endpointForEverything().signingSecret();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        // The figures count the whole table: what other deliveries, if any, make of them at about the same instants
        // (the clock goes on; a minute and a half later they include whatever else has become due).
        Instant othersWhileSent = figures.read(clock.instant().plusSeconds(30)).oldestDueSince();
        Instant othersAfterTheLease =
                figures.read(clock.instant().plusSeconds(90)).oldestDueSince();
        pausedLicence();
        long id = onlyDelivery(endpoint).id();
        // In whole microseconds, as the databases keep it (H2 rounds, PostgreSQL too).
        Instant claimedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Instant leaseEnd = claimedAt.plus(Duration.ofMinutes(1));
        assertThat(deliveries.claim(id, claimedAt, leaseEnd))
                .as("a node claims it, then dies before sending")
                .isPresent();

        dispatcher.dispatchDue();
        assertThat(receiver.next(secret)).as("its lease still holds").isNull();
        assertThat(figures.read(claimedAt.plusSeconds(30)).oldestDueSince())
                .as("being sent, not late: the age counted from its due time told an operator it had waited")
                .isEqualTo(othersWhileSent);
        assertThat(figures.read(leaseEnd.plusSeconds(20)).oldestDueSince())
                .as("late from the end of the lease, when another node may take it")
                .isEqualTo(
                        othersAfterTheLease != null && othersAfterTheLease.isBefore(leaseEnd)
                                ? othersAfterTheLease
                                : leaseEnd);

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(receiver.next(secret).type()).isEqualTo("licence.paused");
        assertThat(onlyDelivery(endpoint).status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
    }

    @Test
    void checksTheAddressAgainBeforeEachDelivery() throws Exception {
        String secret = endpointForEverything().signingSecret();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        pausedLicence();
        webhooks.allowPrivateAddresses(org.owner(), false);

        dispatcher.dispatchDue();

        assertThat(receiver.next(secret))
                .as("nothing sent to a private address")
                .isNull();
        WebhookDelivery refused = onlyDelivery(endpoint);
        assertThat(refused.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(refused.lastResponseCode()).isNull();
        assertThat(refused.lastError()).contains("is a private address").contains("does not allow webhooks");

        webhooks.allowPrivateAddresses(org.owner(), true);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(receiver.next(secret).type()).isEqualTo("licence.paused");
    }

    @Test
    void twoNodesNeverClaimOneDelivery() {
        endpointForEverything();
        long endpoint = webhooks.endpoints(org.owner()).get(0).id();
        pausedLicence();
        long id = onlyDelivery(endpoint).id();

        var now = clock.instant();
        assertThat(deliveries.claim(id, now, now.plusSeconds(60))).isPresent();
        assertThat(deliveries.claim(id, now, now.plusSeconds(60))).isEmpty();
    }

    @Test
    void noticesATermEndingOnceWhoeverScansAgain() throws Exception {
        String secret = endpointForEverything().signingSecret();
        LocalDate today = testLicences.today();
        long ending = testLicences.activated(
                org.owner(),
                monthly,
                org.alice().userId(),
                "Ending",
                today.minusMonths(1).plusDays(3));

        termNotices.scan(org.id());
        termNotices.scan(org.id());
        dispatcher.dispatchDue();

        Received notice = receiver.next(secret);
        assertThat(notice.type()).isEqualTo("licence.expiring_soon");
        assertThat(notice.object().get("id").asLong()).isEqualTo(ending);
        assertThat(receiver.next(secret)).as("once per licence and term").isNull();

        // The day after its last: three days from today, but four or five on 29 and 30 March, a month before either
        // being the end of February.
        LocalDate lastDay = licences.details(org.manager(), ending).endsOn();
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, lastDay) + 1));
        termNotices.scan(org.id());
        dispatcher.dispatchDue();
        assertThat(receiver.next(secret).type()).as("then once expired").isEqualTo("licence.expired");
        termNotices.scan(org.id());
        dispatcher.dispatchDue();
        assertThat(receiver.next(secret)).isNull();
    }

    long pausedLicence() {
        LicenceDetails licence = licences.create(org.manager(), new NewLicence(monthly.id(), "Screen", null, 1, null));
        licences.pause(org.manager(), licence.id());
        jdbc.sql("delete from webhook_delivery where event_type <> 'licence.paused' and organisation_id = :org")
                .param("org", org.id())
                .update();
        return licence.id();
    }

    WebhookDelivery onlyDelivery(long endpoint) {
        var page = webhooks.deliveries(org.owner(), endpoint, 1, 10);
        assertThat(page.items()).hasSize(1);
        return page.items().get(0);
    }
}
