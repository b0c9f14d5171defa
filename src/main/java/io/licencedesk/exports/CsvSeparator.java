package io.licencedesk.exports;

import java.util.Optional;

/**
 * How the cells of an export are separated (docs/csv.md, decision 0138). Excel opens a CSV file with a double click
 * using the list separator of the computer's region: a comma file lands in one column in French, German and most
 * European Excels, and a decimal point makes an amount text, which a sum leaves out.
 */
public enum CsvSeparator {

    /** RFC 4180: commas, amounts with a decimal point; what other software, scripts and the API read. */
    COMMA(','),

    /** Semicolons and decimal commas: what Excel opens in columns, with numbers, in French and most of Europe. */
    SEMICOLON(';');

    private final char character;

    CsvSeparator(char character) {
        this.character = character;
    }

    char character() {
        return character;
    }

    /** Commas when the address names none, semicolons for {@code semicolon}, nothing for anything else. */
    public static Optional<CsvSeparator> of(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return Optional.of(COMMA);
        }
        return parameter.equals("semicolon") ? Optional.of(SEMICOLON) : Optional.empty();
    }
}
