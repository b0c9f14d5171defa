package io.licencedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.devices.ScreenEvent;
import io.licencedesk.invoicing.InvoiceEvent;
import io.licencedesk.licence.LicenceEvent;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTrailTests {

    @Test
    void recordsEveryKindOfLicenceEventUnderAnActionOfItsOwn() {
        assertThat(new HashSet<Class<?>>(AuditTrail.LICENCE_ACTIONS.keySet()))
                .isEqualTo(new HashSet<>(List.of(LicenceEvent.class.getPermittedSubclasses())));
        assertThat(AuditTrail.LICENCE_ACTIONS.values()).doesNotHaveDuplicates();
    }

    @Test
    void recordsEveryKindOfInvoiceEventUnderAnActionOfItsOwnThatTheLogCanFilterBy() {
        assertThat(new HashSet<Class<?>>(InvoicesTrail.INVOICE_ACTIONS.keySet()))
                .isEqualTo(new HashSet<>(List.of(InvoiceEvent.class.getPermittedSubclasses())));
        assertThat(AuditSubject.INVOICE.actions())
                .containsExactlyInAnyOrderElementsOf(InvoicesTrail.INVOICE_ACTIONS.values());
    }

    @Test
    void filtersLicencesByEveryActionTheirEventsAreRecordedAs() {
        assertThat(AuditSubject.LICENCE.actions())
                .containsAll(AuditTrail.LICENCE_ACTIONS.values())
                .containsAll(ScreensTrail.SCREEN_ACTIONS.values())
                .hasSize(AuditTrail.LICENCE_ACTIONS.size() + ScreensTrail.SCREEN_ACTIONS.size())
                .isSorted();
    }

    @Test
    void recordsEveryKindOfScreenEventOnItsLicenceUnderAnActionOfItsOwn() {
        assertThat(new HashSet<Class<?>>(ScreensTrail.SCREEN_ACTIONS.keySet()))
                .isEqualTo(new HashSet<>(List.of(ScreenEvent.class.getPermittedSubclasses())));
        assertThat(ScreensTrail.SCREEN_ACTIONS.values())
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(AuditTrail.LICENCE_ACTIONS.values());
    }
}
