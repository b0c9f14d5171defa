package io.licencedesk.licence;

import static io.licencedesk.licence.LicenceTests.TODAY;
import static io.licencedesk.licence.LicenceTests.active;
import static io.licencedesk.licence.LicenceTests.assigned;
import static io.licencedesk.licence.LicenceTests.available;
import static io.licencedesk.licence.LicenceTests.licence;
import static io.licencedesk.licence.LicenceTests.pausedActive;
import static io.licencedesk.support.InWords.english;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.shared.Money;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Renewing a licence (decision 0048): the next term, its price, and what refuses a renewal. */
class LicenceRenewalTests {

    /** The licences' plan (id 1) as it is on renewal day: three months now, at 12.00 a screen. */
    static final Plan PLAN_TODAY = new Plan(1L, "Monthly", Period.ofMonths(3), new Money(1200, euro()), false);

    @Test
    void theNextTermStartsTheDayAfterTheCurrentEndForOnePlanTermAtThePlansPriceToday() {
        Licence licence = active();
        LocalDate oldEnd = licence.endsOn();
        licence.markInvoiced();

        licence.renew(PLAN_TODAY, TODAY);

        assertThat(licence.termNumber()).isEqualTo(2);
        assertThat(licence.termStartsOn())
                .as("the day after the last day of the term before (decision 0137)")
                .isEqualTo(oldEnd.plusDays(1));
        assertThat(licence.endsOn()).isEqualTo(oldEnd.plusMonths(3));
        assertThat(licence.term()).isEqualTo(Period.ofMonths(3));
        assertThat(licence.unitPrice()).isEqualTo(new Money(1200, euro()));
        assertThat(licence.amount()).isEqualTo(new Money(3600, euro()));
        assertThat(licence.termPricedOn()).isEqualTo(TODAY);
        assertThat(licence.billingStatus()).as("the new term is not billed yet").isEqualTo(BillingStatus.UNBILLED);
        assertThat(licence.status(oldEnd.plusDays(1)))
                .as("renewed before its end, never Expired")
                .isEqualTo(LifecycleStatus.ACTIVE);
    }

    /**
     * A monthly licence activated on 31 January ended on 28 February, and each renewal added a month to that: 28 March,
     * 28 April, for ever, three days of every term lost. Its terms end on the day it was activated on where the month
     * has it.
     */
    @Test
    void aTermInMonthsKeepsTheDayOfActivationThatFebruaryCutShort() {
        Plan monthly = new Plan(1L, "Monthly", Period.ofMonths(1), new Money(1000, euro()), true);
        Licence licence = licence(7L, false, LocalDate.of(2027, 1, 31), BillingStatus.PAID);
        assertThat(licence.endsOn()).isEqualTo(LocalDate.of(2027, 2, 28));

        licence.renew(monthly, LocalDate.of(2027, 2, 20));
        assertThat(licence.termStartsOn()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(licence.endsOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        licence.renew(monthly, LocalDate.of(2027, 3, 20));
        assertThat(licence.endsOn()).isEqualTo(LocalDate.of(2027, 4, 30));
        licence.renew(monthly, LocalDate.of(2027, 4, 20));
        assertThat(licence.endsOn()).isEqualTo(LocalDate.of(2027, 5, 31));

        Plan quarterly = new Plan(1L, "Quarterly", Period.ofMonths(3), new Money(1000, euro()), true);
        Licence on30th = licence(7L, false, LocalDate.of(2026, 11, 30), BillingStatus.PAID);
        on30th.renew(quarterly, LocalDate.of(2026, 12, 25)); // 30 Dec → 30 Mar, nothing cut short
        assertThat(on30th.endsOn()).isEqualTo(LocalDate.of(2027, 3, 30));
        Plan thirtyDays = new Plan(1L, "30 days", Period.ofDays(30), new Money(1000, euro()), true);
        Licence byDays = licence(7L, false, LocalDate.of(2027, 1, 31), BillingStatus.PAID);
        byDays.renew(thirtyDays, LocalDate.of(2027, 2, 20));
        assertThat(byDays.endsOn()).as("days are days").isEqualTo(LocalDate.of(2027, 3, 30));
    }

    /** A yearly licence activated on 29 February ends on the 28th in common years and on the 29th in leap years. */
    @Test
    void aYearlyTermFromTheTwentyNinthOfFebruaryComesBackToItInALeapYear() {
        Plan yearly = new Plan(1L, "Yearly", Period.ofYears(1), new Money(1000, euro()), true);
        LocalDate activatedOn = LocalDate.of(2028, 2, 29);
        Licence licence = new Licence(
                1L,
                1L,
                new CouponCode("AB12CD34"),
                1L,
                yearly.term(),
                yearly.unitPrice(),
                "Lobby",
                null,
                3,
                new LicenceState(7L, false, activatedOn, activatedOn.plus(yearly.term()), BillingStatus.PAID, true),
                java.time.Instant.EPOCH,
                0,
                1);
        assertThat(licence.endsOn()).isEqualTo(LocalDate.of(2029, 2, 28));

        licence.renew(yearly, LocalDate.of(2029, 2, 20));
        assertThat(licence.endsOn()).isEqualTo(LocalDate.of(2030, 2, 28));
        licence.renew(yearly, LocalDate.of(2030, 2, 20));
        licence.renew(yearly, LocalDate.of(2031, 2, 20));
        assertThat(licence.endsOn()).isEqualTo(LocalDate.of(2032, 2, 29));
        licence.renew(yearly, LocalDate.of(2032, 2, 20));
        assertThat(licence.endsOn()).isEqualTo(LocalDate.of(2033, 2, 28));
    }

    @Test
    void aFirstTermStartsOnActivation() {
        Licence licence = active();

        assertThat(licence.termStartsOn()).isEqualTo(licence.activatedOn());
        assertThat(licence.termPricedOn()).isNull();
    }

    @Test
    void onlyTheCurrentTermRenewsSoARenewedLicenceWaitsForItsNextTerm() {
        Licence licence = active();
        licence.renew(PLAN_TODAY, TODAY);

        assertThat(english(licence.renewalRefusal(PLAN_TODAY, TODAY)))
                .contains("already renewed")
                .contains(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                        .format(licence.termStartsOn()));
        assertThatThrownBy(() -> licence.renew(PLAN_TODAY, TODAY)).isInstanceOf(RenewalRefusedException.class);
        assertThat(licence.termNumber()).isEqualTo(2);
    }

    @Test
    void aLicenceNobodyHasUsedHasNothingToRenew() {
        for (Licence unused : new Licence[] {available(), assigned()}) {
            assertThat(english(unused.renewalRefusal(PLAN_TODAY, TODAY))).contains("Nobody has started using");
            assertThatThrownBy(() -> unused.renew(PLAN_TODAY, TODAY)).isInstanceOf(RenewalRefusedException.class);
            assertThat(unused.termNumber()).isEqualTo(1);
        }
    }

    /** An available licence's page said its first term begins "when its client does": it has none. */
    @Test
    void aLicenceWithoutAClientSaysItsFirstTermBeginsWhenAClientRedeemsItsCode() {
        assertThat(english(available().renewalRefusal(PLAN_TODAY, TODAY)))
                .contains("its first term begins when a client redeems its coupon code")
                .doesNotContain("its client");
        assertThat(english(assigned().renewalRefusal(PLAN_TODAY, TODAY)))
                .contains("its first term begins when its client does");
    }

    @Test
    void aPausedLicenceDoesNotRenew() {
        Licence paused = pausedActive();

        assertThat(english(paused.renewalRefusal(PLAN_TODAY, TODAY))).contains("paused licence does not renew");
        assertThatThrownBy(() -> paused.renew(PLAN_TODAY, TODAY)).isInstanceOf(RenewalRefusedException.class);
        assertThat(paused.endsOn()).isEqualTo(TODAY.minusDays(3).plusMonths(1));
    }

    @Test
    void anExpiredLicenceRenewsByHandWhileItsNextTermIsNotOverYet() {
        Licence lately = licence(7L, false, TODAY.minusMonths(1).minusDays(10), BillingStatus.PAID);
        assertThat(lately.status(TODAY)).isEqualTo(LifecycleStatus.EXPIRED);

        lately.renew(PLAN_TODAY, TODAY);

        assertThat(lately.status(TODAY)).isEqualTo(LifecycleStatus.ACTIVE);
        Plan monthly = new Plan(1L, "Monthly", Period.ofMonths(1), new Money(1000, euro()));
        Licence longAgo = licence(7L, false, TODAY.minusMonths(3), BillingStatus.PAID); // ended two months ago
        assertThat(english(longAgo.renewalRefusal(monthly, TODAY))).contains("more than a term ago");
    }

    /**
     * A licence paused during a term that then ended is Expired (Expired wins over Paused, decision 0002): Resume is
     * refused for it, and its pages no longer said it was paused. Renewing it by hand started the next term Paused, its
     * screens refused, and one the cycle had paused for an overdue invoice, paid since, said it waited for that payment
     * (decision 0180): the pause ends with the term it stopped.
     */
    @Test
    void anExpiredLicenceThatWasPausedStartsItsRenewedTermRunning() {
        Licence paused = licence(7L, true, TODAY.minusMonths(1).minusDays(10), BillingStatus.PAID);
        assertThat(paused.status(TODAY)).isEqualTo(LifecycleStatus.EXPIRED);
        assertThat(paused.canResume(TODAY)).isFalse();

        paused.renew(PLAN_TODAY, TODAY);

        assertThat(paused.status(TODAY)).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(paused.paused()).isFalse();

        Licence overdue = licence(7L, false, TODAY.minusMonths(1).minusDays(10), BillingStatus.PAID);
        overdue.pauseForOverdue(TODAY.minusMonths(1));
        assertThat(overdue.status(TODAY)).isEqualTo(LifecycleStatus.EXPIRED);

        overdue.renew(PLAN_TODAY, TODAY);

        assertThat(overdue.status(TODAY)).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(overdue.pausedForOverdue(TODAY.plusDays(1))).isFalse();
        assertThat(overdue.snapshot(TODAY)).doesNotContainKey("pauseReason");
    }

    @Test
    void whetherItRenewsByItselfIsItsOwnChoiceElseItsPlans() {
        Plan renewing = new Plan(1L, "Yearly", Period.ofYears(1), new Money(1000, euro()), true);
        Licence licence = active();

        assertThat(licence.renewsAutomatically(renewing)).isTrue();
        assertThat(licence.renewsAutomatically(PLAN_TODAY)).isFalse();
        licence.chooseAutoRenew(false);
        assertThat(licence.renewsAutomatically(renewing)).isFalse();
        licence.chooseAutoRenew(true);
        assertThat(licence.renewsAutomatically(PLAN_TODAY)).isTrue();
        licence.chooseAutoRenew(null);
        assertThat(licence.renewsAutomatically(PLAN_TODAY)).isFalse();
    }

    @Test
    void pausedForAnOverdueInvoiceSaysSoUntilResumed() {
        Licence licence = active();

        licence.pauseForOverdue(TODAY);

        assertThat(licence.status(TODAY)).isEqualTo(LifecycleStatus.PAUSED);
        assertThat(licence.pausedForOverdue(TODAY)).isTrue();
        assertThat(licence.snapshot(TODAY)).containsEntry("pauseReason", "Renewal invoice overdue");
        licence.resume(TODAY);
        assertThat(licence.pausedForOverdue(TODAY)).isFalse();
        assertThat(licence.snapshot(TODAY)).doesNotContainKey("pauseReason");
    }

    private static Currency euro() {
        return Currency.getInstance("EUR");
    }
}
