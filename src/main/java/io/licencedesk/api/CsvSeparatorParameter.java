package io.licencedesk.api;

import io.licencedesk.exports.CsvSeparator;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code separator} of the CSV exports, as the console's (decision 0138, taken by the API in decision 0140):
 * {@code comma}, the default (RFC 4180, what scripts read), or {@code semicolon}, the file Excel opens in columns in
 * most of Europe, with decimal commas. Any other value, an empty one included, is a 400 {@code bad-parameter} naming
 * it, before the file starts (its values are checked with the other parameters', {@link KnownQueryParameters}).
 */
final class CsvSeparatorParameter {

    private CsvSeparatorParameter() {}

    /** The separator a request names: commas when it names none; any other value is refused with a 400. */
    static CsvSeparator of(String value) {
        return value == null ? CsvSeparator.COMMA : ApiParameters.oneOf("separator", value, CsvSeparator.class);
    }

    /** {@code separator}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "comma (the default: RFC 4180) or semicolon: cells separated by semicolons and the decimal"
                    + " columns (amount, net, vat_rate, vat, total, unit_price) written with a decimal comma, the file"
                    + " Excel opens in columns in French, German and most European languages. The columns and the rest"
                    + " are the same.",
            schema =
                    @Schema(
                            allowableValues = {"comma", "semicolon"},
                            defaultValue = "comma"))
    @interface Separator {}
}
