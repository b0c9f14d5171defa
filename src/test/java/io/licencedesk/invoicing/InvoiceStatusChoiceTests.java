package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one place where the invoice lists' status groups are read and mapped to statuses, for both channels. */
class InvoiceStatusChoiceTests {

    @Test
    void readsBothSpellingsOfAllButVoidAndEveryCase() {
        for (String typed : new String[] {"not-void", "not_void", "NOT_VOID", " Not-Void "}) {
            assertThat(InvoiceStatusChoice.parse(typed)).as(typed).contains(InvoiceStatusChoice.NOT_VOID);
        }
        assertThat(InvoiceStatusChoice.parse("paid")).contains(InvoiceStatusChoice.PAID);
        assertThat(InvoiceStatusChoice.parse("PAID")).contains(InvoiceStatusChoice.PAID);
        assertThat(InvoiceStatusChoice.parse("unpaid")).contains(InvoiceStatusChoice.UNPAID);
        for (String unknown : new String[] {null, "", " ", "BOGUS", "not void", "notvoid", "late"}) {
            assertThat(InvoiceStatusChoice.parse(unknown)).as(unknown).isEmpty();
        }
    }

    @Test
    void mapsEachGroupToItsStatusesAndOnlyOverdueToTheDueDate() {
        assertThat(InvoiceFilter.of(InvoiceStatusChoice.UNPAID, null, null, null))
                .isEqualTo(new InvoiceFilter(
                        EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.SENT), false, null, null, null, null));
        assertThat(InvoiceFilter.of(InvoiceStatusChoice.OVERDUE, 7L, null, null))
                .isEqualTo(new InvoiceFilter(
                        EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.SENT), true, 7L, null, null, null));
        assertThat(InvoiceFilter.of(InvoiceStatusChoice.NOT_VOID, null, null, null)
                        .statuses())
                .containsExactlyInAnyOrder(InvoiceStatus.ISSUED, InvoiceStatus.SENT, InvoiceStatus.PAID);
        assertThat(InvoiceFilter.of(null, null, null, null))
                .isEqualTo(new InvoiceFilter(Set.of(), false, null, null, null, null));
        for (InvoiceStatus status : InvoiceStatus.values()) {
            InvoiceStatusChoice one = InvoiceStatusChoice.of(status);
            assertThat(one.statuses()).containsExactly(status);
            assertThat(one.group()).isFalse();
            assertThat(one.overdue()).isFalse();
        }
        assertThat(EnumSet.of(InvoiceStatusChoice.UNPAID, InvoiceStatusChoice.OVERDUE, InvoiceStatusChoice.NOT_VOID))
                .allSatisfy(group -> assertThat(group.group()).isTrue());
    }
}
