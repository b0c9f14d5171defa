package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.audit.AuditFilter;
import io.licencedesk.audit.AuditSubject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditLogParamsTests {

    static AuditLogParams params(String who, String what, String from, String to, String object) {
        return new AuditLogParams(who, what, from, to, object, null, null, null);
    }

    @Test
    void readsEachFilterFromItsText() {
        var params = params(" anna ", "LICENCE.PAUSED", "2026-12-01", "2026-12-04", "#12");

        assertThat(params.problems()).isEmpty();
        assertThat(params.filter())
                .isEqualTo(new AuditFilter(
                        " anna ",
                        AuditSubject.LICENCE,
                        "PAUSED",
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 4),
                        "#12"));
        assertThat(params("", "INVOICE", "", null, null).filter())
                .isEqualTo(new AuditFilter("", AuditSubject.INVOICE, null, null, null, null));
        assertThat(params(null, null, null, null, null).anyFilter()).isFalse();
    }

    @Test
    void namesWhatIsWrongWithEachField() {
        assertThat(params(null, "LICENCE.SHREDDED", "2026-02-30", "soon", null).problems())
                .isEqualTo(Map.of(
                        "what", "audit.filter.what.unknown",
                        "from", "audit.filter.notADate",
                        "to", "audit.filter.notADate"));
        assertThat(params(null, "licence", "0999-12-31", "+99999-01-01", null).problems())
                .containsOnlyKeys("what", "from", "to");
        assertThat(params(null, "LICENCE.", "2026-12-04", "2026-12-03", null).problems())
                .isEqualTo(Map.of("what", "audit.filter.what.unknown", "to", "audit.filter.toBeforeFrom"));
        assertThat(new AuditLogParams(null, null, null, null, null, "12x", null, null).problems())
                .isEqualTo(Map.of("cursor", "audit.pageLinkInvalid"));
        assertThat(new AuditLogParams(null, null, null, null, null, null, "1234567890123456789", null).problems())
                .isEqualTo(Map.of("cursor", "audit.pageLinkInvalid"));
    }

    @Test
    void keepsTheFiltersInEveryLink() {
        var params = params("anna", "PLAN", null, "2026-12-04", "a&b c");

        assertThat(params.firstUrl()).isEqualTo("/audit?who=anna&what=PLAN&to=2026-12-04&object=a%26b+c");
        assertThat(params.afterUrl(42)).isEqualTo(params.firstUrl() + "&after=42");
        assertThat(params.beforeUrl(42)).isEqualTo(params.firstUrl() + "&before=42");
        assertThat(params.lastUrl()).isEqualTo(params.firstUrl() + "&last=true");
        assertThat(params.exportUrl()).isEqualTo("/audit/export.csv?who=anna&what=PLAN&to=2026-12-04&object=a%26b+c");
        assertThat(params(null, null, null, null, null).afterUrl(7)).isEqualTo("/audit?after=7");
    }
}
