package io.licencedesk.licence;

import static io.licencedesk.support.InWords.english;
import static io.licencedesk.support.InWords.says;
import static io.licencedesk.support.InWords.saysSomething;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LicenceTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static Licence licence(Long clientId, boolean paused, LocalDate activatedOn, BillingStatus billing) {
        return new Licence(
                1L,
                1L,
                new CouponCode("AB12CD34"),
                1L,
                Period.ofMonths(1),
                new Money(1000, Currency.getInstance("EUR")),
                "Lobby",
                null,
                3,
                new LicenceState(
                        clientId,
                        paused,
                        activatedOn,
                        activatedOn == null ? null : activatedOn.plusMonths(1),
                        billing,
                        false),
                Instant.EPOCH,
                0,
                1);
    }

    static Licence available() {
        return licence(null, false, null, BillingStatus.UNBILLED);
    }

    static Licence assigned() {
        return licence(7L, false, null, BillingStatus.UNBILLED);
    }

    static Licence active() {
        return licence(7L, false, TODAY.minusDays(3), BillingStatus.UNBILLED);
    }

    static Licence pausedActive() {
        return licence(7L, true, TODAY.minusDays(3), BillingStatus.UNBILLED);
    }

    static Licence expired() {
        return licence(7L, false, TODAY.minusMonths(2), BillingStatus.UNBILLED);
    }

    @Nested
    class Status {

        @Test
        void isDerivedFromClientActivationPauseAndEndDate() {
            assertThat(available().status(TODAY)).isEqualTo(LifecycleStatus.AVAILABLE);
            assertThat(assigned().status(TODAY)).isEqualTo(LifecycleStatus.ASSIGNED);
            assertThat(active().status(TODAY)).isEqualTo(LifecycleStatus.ACTIVE);
            assertThat(pausedActive().status(TODAY)).isEqualTo(LifecycleStatus.PAUSED);
            assertThat(expired().status(TODAY)).isEqualTo(LifecycleStatus.EXPIRED);
        }

        @Test
        void expiresTheDayAfterTheEndDate() {
            Licence licence = licence(7L, false, TODAY.minusMonths(1), BillingStatus.UNBILLED);
            assertThat(licence.endsOn()).isEqualTo(TODAY);
            assertThat(licence.status(TODAY)).isEqualTo(LifecycleStatus.ACTIVE);
            assertThat(licence.status(TODAY.plusDays(1))).isEqualTo(LifecycleStatus.EXPIRED);
        }

        @Test
        void expiredWinsOverPaused() {
            Licence licence = licence(7L, true, TODAY.minusMonths(2), BillingStatus.UNBILLED);
            assertThat(licence.status(TODAY)).isEqualTo(LifecycleStatus.EXPIRED);
        }

        @Test
        void expiringSoonMeansActiveWithinTheWindow() {
            Licence endsInTenDays = licence(7L, false, TODAY.plusDays(10).minusMonths(1), BillingStatus.UNBILLED);
            Licence endsInFortyDays = licence(7L, false, TODAY.plusDays(40).minusMonths(1), BillingStatus.UNBILLED);
            assertThat(endsInTenDays.expiringSoon(TODAY, 30)).isTrue();
            assertThat(endsInFortyDays.expiringSoon(TODAY, 30)).isFalse();
            Licence pausedEndingSoon = licence(7L, true, TODAY.plusDays(10).minusMonths(1), BillingStatus.UNBILLED);
            assertThat(pausedEndingSoon.expiringSoon(TODAY, 30)).isFalse();
        }
    }

    @Nested
    class Pause {

        @Test
        void pausesAvailableAssignedAndActiveLicences() {
            for (Licence licence : new Licence[] {available(), assigned(), active()}) {
                licence.pause(TODAY);
                assertThat(licence.status(TODAY)).isEqualTo(LifecycleStatus.PAUSED);
            }
        }

        @Test
        void refusesToPauseAPausedLicence() {
            assertThatThrownBy(() -> pausedActive().pause(TODAY))
                    .isInstanceOf(IllegalStatusChangeException.class)
                    .satisfies(says("A licence that is paused cannot be paused."));
        }

        @Test
        void refusesToPauseAnExpiredLicence() {
            assertThatThrownBy(() -> expired().pause(TODAY)).isInstanceOf(IllegalStatusChangeException.class);
        }
    }

    @Nested
    class Resume {

        @Test
        void returnsToTheStatusItWouldOtherwiseHave() {
            Licence wasActive = pausedActive();
            wasActive.resume(TODAY);
            assertThat(wasActive.status(TODAY)).isEqualTo(LifecycleStatus.ACTIVE);

            Licence wasAvailable = available();
            wasAvailable.pause(TODAY);
            wasAvailable.resume(TODAY);
            assertThat(wasAvailable.status(TODAY)).isEqualTo(LifecycleStatus.AVAILABLE);

            Licence wasAssigned = assigned();
            wasAssigned.pause(TODAY);
            wasAssigned.resume(TODAY);
            assertThat(wasAssigned.status(TODAY)).isEqualTo(LifecycleStatus.ASSIGNED);
        }

        @Test
        void refusesToResumeWhatIsNotPaused() {
            for (Licence licence : new Licence[] {available(), assigned(), active(), expired()}) {
                assertThatThrownBy(() -> licence.resume(TODAY)).isInstanceOf(IllegalStatusChangeException.class);
            }
        }
    }

    @Nested
    class Activate {

        @Test
        void startsTheFirstTermOfAnAssignedLicenceToday() {
            Licence licence = assigned();
            licence.activate(TODAY);
            assertThat(licence.status(TODAY)).isEqualTo(LifecycleStatus.ACTIVE);
            assertThat(licence.activatedOn()).isEqualTo(TODAY);
            assertThat(licence.endsOn()).isEqualTo(TODAY.plusMonths(1));
        }

        @Test
        void refusesEveryOtherStatus() {
            for (Licence licence : new Licence[] {available(), active(), pausedActive(), expired()}) {
                assertThatThrownBy(() -> licence.activate(TODAY)).isInstanceOf(IllegalStatusChangeException.class);
            }
        }
    }

    @Nested
    class Redeem {

        @Test
        void givesAnAvailableLicenceToTheClientAndStartsItsFirstTermToday() {
            Licence licence = available();
            licence.redeem(9L, TODAY);
            assertThat(licence.clientId()).isEqualTo(9L);
            assertThat(licence.status(TODAY)).isEqualTo(LifecycleStatus.ACTIVE);
            assertThat(licence.activatedOn()).isEqualTo(TODAY);
            assertThat(licence.endsOn()).isEqualTo(TODAY.plusMonths(1));
        }

        @Test
        void refusesEveryOtherStatus() {
            Licence pausedAvailable = licence(null, true, null, BillingStatus.UNBILLED);
            for (Licence licence : new Licence[] {assigned(), active(), pausedActive(), expired(), pausedAvailable}) {
                Long clientBefore = licence.clientId();
                assertThatThrownBy(() -> licence.redeem(9L, TODAY)).isInstanceOf(IllegalStatusChangeException.class);
                assertThat(licence.clientId()).isEqualTo(clientBefore);
            }
        }
    }

    @Nested
    class Delete {

        @Test
        void allowsLicencesNoClientHasUsedAndNobodyInvoiced() {
            available().ensureDeletable(TODAY);
            assigned().ensureDeletable(TODAY);
            Licence pausedButNeverUsed = available();
            pausedButNeverUsed.pause(TODAY);
            pausedButNeverUsed.ensureDeletable(TODAY);
        }

        @Test
        void refusesLicencesUsedByAClient() {
            for (Licence licence : new Licence[] {active(), pausedActive(), expired()}) {
                assertThatThrownBy(() -> licence.ensureDeletable(TODAY))
                        .isInstanceOf(LicenceNotDeletableException.class)
                        .satisfies(saysSomething("a client has used it"));
            }
        }

        @Test
        void advisesPausingOnlyALicenceThatCanStillBePaused() {
            assertThat(english(active().deletionRefusal(TODAY))).endsWith("Pause it instead.");
            assertThat(english(pausedActive().deletionRefusal(TODAY))).doesNotContain("Pause");
            assertThat(english(expired().deletionRefusal(TODAY))).doesNotContain("Pause");
        }

        @Test
        void refusesALicenceWhoseInvoiceWasVoided() {
            Licence licence = assigned();
            licence.markInvoiced();
            licence.markUnbilled();

            assertThat(licence.billingStatus()).isEqualTo(BillingStatus.UNBILLED);
            assertThatThrownBy(() -> licence.ensureDeletable(TODAY))
                    .isInstanceOf(LicenceNotDeletableException.class)
                    .satisfies(saysSomething("invoiced"));
        }

        @Test
        void refusesInvoicedAndPaidLicences() {
            for (BillingStatus billing : new BillingStatus[] {BillingStatus.INVOICED, BillingStatus.PAID}) {
                assertThatThrownBy(() -> licence(7L, false, null, billing).ensureDeletable(TODAY))
                        .isInstanceOf(LicenceNotDeletableException.class)
                        .satisfies(saysSomething("invoiced"));
            }
        }
    }

    @Test
    void amountIsQuantityTimesTheUnitPriceSnapshot() {
        assertThat(active().amount()).isEqualTo(new Money(3000, Currency.getInstance("EUR")));
    }

    @Nested
    class Create {

        final Plan monthly = new Plan(5L, "Monthly", Period.ofMonths(1), new Money(1000, Currency.getInstance("EUR")));
        final List<Plan> plans = List.of(monthly);

        Licence create(NewLicence request) {
            return Licence.create(1L, request, plans, clientId -> clientId == 7L, Instant.EPOCH);
        }

        @Test
        void keepsThePlansTermAndPriceAndStartsUnusedAndUnbilled() {
            Licence licence = create(new NewLicence(5L, "  Lobby ", "  ", 3, 7L));

            assertThat(licence.id()).isNull();
            assertThat(licence.name()).isEqualTo("Lobby");
            assertThat(licence.note()).isNull();
            assertThat(licence.term()).isEqualTo(Period.ofMonths(1));
            assertThat(licence.unitPrice()).isEqualTo(monthly.unitPrice());
            assertThat(licence.status(TODAY)).isEqualTo(LifecycleStatus.ASSIGNED);
            assertThat(licence.billingStatus()).isEqualTo(BillingStatus.UNBILLED);
            assertThat(licence.everInvoiced()).isFalse();
            assertThat(licence.termNumber()).isEqualTo(1);
        }

        @Test
        void namesTheFirstFieldItRefuses() {
            assertThatThrownBy(() -> create(new NewLicence(6L, "", null, 0, 8L)))
                    .isInstanceOf(InvalidLicenceException.class)
                    .satisfies(says("Choose one of your plans."))
                    .extracting("field")
                    .isEqualTo("planId");
            assertThatThrownBy(() -> create(new NewLicence(5L, "", null, 0, 8L)))
                    .satisfies(says("Choose one of your clients."))
                    .extracting("field")
                    .isEqualTo("clientId");
            assertThatThrownBy(() -> create(new NewLicence(5L, "", null, 10_001, null)))
                    .satisfies(says("Enter a number of screens from 1 to 10,000."))
                    .extracting("field")
                    .isEqualTo("quantity");
            assertThatThrownBy(() -> create(new NewLicence(5L, " ", null, 10_000, null)))
                    .satisfies(says("Enter a name."))
                    .extracting("field")
                    .isEqualTo("name");
            for (String invisible : new String[] {"\u00a0", "\u200b", " \u3000\ufeff "}) {
                assertThatThrownBy(() -> create(new NewLicence(5L, invisible, null, 10_000, null)))
                        .as("a name that shows nothing")
                        .satisfies(says("Enter a name."));
            }
        }

        @Test
        void namesEveryFieldItRefusesAtOnce() {
            assertThatThrownBy(() -> create(new NewLicence(6L, "x".repeat(201), "<b>n</b>", 0, 8L)))
                    .isInstanceOfSatisfying(InvalidLicenceException.class, refused -> {
                        assertThat(refused.refusals())
                                .containsOnlyKeys("planId", "clientId", "quantity", "name", "note");
                        assertThat(english(refused.refusals().get("name")))
                                .isEqualTo("Keep the name to 200 characters.");
                        assertThat(english(refused.refusals().get("quantity")))
                                .isEqualTo("Enter a number of screens from 1 to 10,000.");
                    });
        }
    }

    /** Editing, against decision 0045's rules: every starting status against every kind of change. */
    @Nested
    class Edit {

        static final Plan YEARLY =
                new Plan(2L, "Yearly", Period.ofYears(1), new Money(9900, Currency.getInstance("EUR")));
        static final Plan MONTHLY =
                new Plan(1L, "Monthly", Period.ofMonths(1), new Money(1000, Currency.getInstance("EUR")));
        static final CouponCode FRESH = new CouponCode("ZZ99ZZ99");

        static Licence invoicedAssigned() {
            return licence(7L, false, null, BillingStatus.INVOICED);
        }

        static Licence paidActive() {
            return licence(7L, false, TODAY.minusDays(3), BillingStatus.PAID);
        }

        static void edit(Licence licence, EditedLicence edited, int screens) {
            licence.edit(
                    edited, List.of(MONTHLY, YEARLY), client -> client == 7L || client == 8L, screens, () -> FRESH);
        }

        @Test
        void namesEveryFieldItRefusesAtOnceAndChangesNothing() {
            Licence licence = paidActive();
            EditedLicence before = licence.editable();
            EditedLicence faulty = before.withName("")
                    .withNote("n".repeat(2001))
                    .withQuantity(2)
                    .withPlanId(YEARLY.id())
                    .withClientId(8L);

            assertThatThrownBy(() -> edit(licence, faulty, 3))
                    .isInstanceOfSatisfying(
                            InvalidLicenceException.class,
                            refused -> assertThat(refused.refusals())
                                    .containsOnlyKeys("name", "note", "quantity", "planId", "clientId"));
            assertThat(licence.editable()).isEqualTo(before);
        }

        record Start(String name, Supplier<Licence> licence, boolean usedOrInvoiced) {
            @Override
            public String toString() {
                return name;
            }
        }

        static List<Start> starts() {
            return List.of(
                    new Start("available", LicenceTests::available, false),
                    new Start("assigned", LicenceTests::assigned, false),
                    new Start("assigned, invoiced", Edit::invoicedAssigned, true),
                    new Start("active", LicenceTests::active, true),
                    new Start("active, paid", Edit::paidActive, true),
                    new Start("paused", LicenceTests::pausedActive, true),
                    new Start("expired", LicenceTests::expired, true));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("starts")
        void nameNoteAndQuantityChangeWhateverTheStatus(Start start) {
            Licence licence = start.licence().get();
            edit(licence, licence.editable().withName("  Hall  ").withNote("  ").withQuantity(9), 3);
            assertThat(licence.name()).isEqualTo("Hall");
            assertThat(licence.note()).isNull();
            assertThat(licence.quantity()).isEqualTo(9);
            assertThat(licence.amount()).isEqualTo(new Money(9000, Currency.getInstance("EUR")));
            assertThat(licence.couponCode()).isEqualTo(new CouponCode("AB12CD34"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("starts")
        void quantityNeverDropsBelowTheRegisteredScreens(Start start) {
            Licence licence = start.licence().get();
            var before = licence.snapshot(TODAY);
            assertThatThrownBy(() ->
                            edit(licence, licence.editable().withName("Hall").withQuantity(2), 3))
                    .isInstanceOf(InvalidLicenceException.class)
                    .satisfies(saysSomething("3 screens registered"))
                    .extracting("field")
                    .isEqualTo("quantity");
            assertThat(licence.snapshot(TODAY)).isEqualTo(before);
            edit(licence, licence.editable().withQuantity(3), 3);
            assertThat(licence.quantity()).isEqualTo(3);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("starts")
        void planChangesOnlyWhileUnusedAndUninvoiced(Start start) {
            Licence licence = start.licence().get();
            var before = licence.snapshot(TODAY);
            EditedLicence yearly = licence.editable().withPlanId(YEARLY.id()).withName("Hall");
            if (start.usedOrInvoiced()) {
                assertThatThrownBy(() -> edit(licence, yearly, 0))
                        .isInstanceOf(InvalidLicenceException.class)
                        .satisfies(saysSomething("plan cannot change"))
                        .extracting("field")
                        .isEqualTo("planId");
                assertThat(licence.snapshot(TODAY)).isEqualTo(before);
            } else {
                edit(licence, yearly, 0);
                assertThat(licence.planId()).isEqualTo(YEARLY.id());
                assertThat(licence.term()).isEqualTo(Period.ofYears(1));
                assertThat(licence.unitPrice()).isEqualTo(YEARLY.unitPrice());
                assertThat(licence.name()).isEqualTo("Hall");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("starts")
        void clientChangesOnlyWhileUnusedAndUninvoiced(Start start) {
            for (Long client : new Long[] {8L, null}) {
                Licence licence = start.licence().get();
                if (Objects.equals(licence.clientId(), client)) {
                    continue;
                }
                var before = licence.snapshot(TODAY);
                if (start.usedOrInvoiced()) {
                    assertThatThrownBy(() -> edit(licence, licence.editable().withClientId(client), 0))
                            .isInstanceOf(InvalidLicenceException.class)
                            .extracting("field")
                            .isEqualTo("clientId");
                    assertThat(licence.snapshot(TODAY)).isEqualTo(before);
                } else {
                    edit(licence, licence.editable().withClientId(client), 0);
                    assertThat(licence.clientId()).isEqualTo(client);
                    assertThat(licence.status(TODAY))
                            .isEqualTo(client == null ? LifecycleStatus.AVAILABLE : LifecycleStatus.ASSIGNED);
                    // Made Available again, it gets a code nobody holds; assigned, its code simply stops redeeming.
                    assertThat(licence.couponCode()).isEqualTo(client == null ? FRESH : new CouponCode("AB12CD34"));
                }
            }
        }

        @Test
        void anUnusedLicenceWithScreensKeepsItsClient() {
            Licence licence = assigned();
            var before = licence.snapshot(TODAY);
            assertThatThrownBy(() -> edit(licence, licence.editable().withClientId(null), 1))
                    .satisfies(says("Its client has registered a screen on this licence: they must remove it before"
                            + " it can change hands."));
            assertThatThrownBy(() -> edit(licence, licence.editable().withClientId(8L), 2))
                    .extracting("field")
                    .isEqualTo("clientId");
            assertThat(licence.snapshot(TODAY)).isEqualTo(before);
        }

        @Test
        void saysWhyAUsedOrInvoicedLicenceKeepsItsClient() {
            Licence used = active();
            assertThatThrownBy(() -> edit(used, used.editable().withClientId(8L), 0))
                    .satisfies(says("A licence a client has used stays with that client."));
            Licence invoiced = invoicedAssigned();
            assertThatThrownBy(() -> edit(invoiced, invoiced.editable().withClientId(null), 0))
                    .satisfies(says(
                            "The client cannot change while this term is invoiced to them. Void the invoice first."));
        }

        @Test
        void refusesAnotherOrganisationsClientOrPlanAndBadText() {
            Licence licence = assigned();
            var before = licence.snapshot(TODAY);
            assertThatThrownBy(() -> edit(licence, licence.editable().withClientId(99L), 0))
                    .satisfies(says("Choose one of your clients."));
            assertThatThrownBy(() -> edit(licence, licence.editable().withPlanId(99L), 0))
                    .satisfies(says("Choose one of your plans."));
            assertThatThrownBy(() -> edit(licence, licence.editable().withName(" "), 0))
                    .satisfies(says("Enter a name."));
            assertThatThrownBy(() -> edit(licence, licence.editable().withNote("x".repeat(2001)), 0))
                    .extracting("field")
                    .isEqualTo("note");
            assertThatThrownBy(() -> edit(licence, licence.editable().withQuantity(0), 0))
                    .extracting("field")
                    .isEqualTo("quantity");
            assertThat(licence.snapshot(TODAY)).isEqualTo(before);
        }
    }
}
