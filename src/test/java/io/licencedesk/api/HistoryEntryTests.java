package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The recorded values of a licence's history as the API spells them elsewhere. */
class HistoryEntryTests {

    @Test
    void spellsTheRecordedWordsAsTheApiDoes() {
        assertThat(HistoryEntry.value("status", "Active")).isEqualTo("active");
        assertThat(HistoryEntry.value("billingStatus", "Unbilled")).isEqualTo("unbilled");
        assertThat(HistoryEntry.value("autoRenew", "Yes")).isEqualTo("true");
        assertThat(HistoryEntry.value("autoRenew", "No")).isEqualTo("false");
        assertThat(HistoryEntry.value("autoRenew", "Plan default")).isNull();
        assertThat(HistoryEntry.value("unitPrice", "EUR 10.00")).isEqualTo("10.00");
        assertThat(HistoryEntry.value("quantity", 3)).isEqualTo("3");
        assertThat(HistoryEntry.value("clientId", 4_000_000_000L)).isEqualTo("4000000000");
        assertThat(HistoryEntry.value("autoRenew", true)).isEqualTo("true");
        assertThat(HistoryEntry.value("unitPrice", new java.math.BigDecimal("1E+3")))
                .isEqualTo("1000");
        assertThat(HistoryEntry.value("endsOn", "2026-12-31")).isEqualTo("2026-12-31");
        assertThat(HistoryEntry.value("note", null)).isNull();
    }

    /** A value is text whatever its field, so that a name or a code of digits only stays text in every client. */
    @Test
    void keepsTextOfDigitsAsText() {
        assertThat(HistoryEntry.value("name", "2026")).isEqualTo("2026");
        assertThat(HistoryEntry.value("couponCode", "12345678")).isEqualTo("12345678");
    }
}
