package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTests {

    @Test
    void prefixesCellsThatASpreadsheetWouldRun() {
        assertThat(SpreadsheetCells.neutralise("=1+2")).isEqualTo("'=1+2");
        assertThat(SpreadsheetCells.neutralise("+44 20 7946 0000")).isEqualTo("'+44 20 7946 0000");
        assertThat(SpreadsheetCells.neutralise("-5 screens")).isEqualTo("'-5 screens");
        assertThat(SpreadsheetCells.neutralise("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(SpreadsheetCells.neutralise("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(SpreadsheetCells.neutralise("\r=cmd")).isEqualTo("'\r=cmd");
    }

    @Test
    void doublesALeadingQuoteSoThatThePrefixCanBeUndone() {
        assertThat(SpreadsheetCells.neutralise("'s-Hertogenbosch")).isEqualTo("''s-Hertogenbosch");
    }

    @Test
    void leavesOrdinaryValuesAlone() {
        for (String value :
                List.of("Lobby screens", "120.00", "2026-03-01", "a=b", "x-1", "Écran ДИСПЛЕЙ", "", " =1")) {
            assertThat(SpreadsheetCells.neutralise(value)).isEqualTo(value);
        }
        assertThat(SpreadsheetCells.neutralise(null)).isNull();
    }

    @Test
    void restoresWhatItNeutralised() {
        for (String value : List.of("=1+2", "-5 screens", "'s-Hertogenbosch", "''", "'", "plain", "", "@", "\tx")) {
            assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(value)))
                    .isEqualTo(value);
        }
        assertThat(SpreadsheetCells.restore(null)).isNull();
    }
}
