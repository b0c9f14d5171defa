package io.licencedesk.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CSV download in the OpenAPI document: a file of type {@code text/csv} (UTF-8, with a byte order mark, RFC 4180;
 * docs/csv.md). Binary, as the PDFs are: a generated client then saves the bytes as they come rather than trying to
 * read a JSON string from them. Its operation is mapped with {@code produces = {TEXT_CSV, ALL_VALUE}}, so that its
 * path chooses it whatever the request accepts, and {@link CsvAccepted} refuses a request that accepts no CSV.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "200",
        description = "The CSV file, streamed as it is read: UTF-8 with a byte order mark, RFC 4180 (comma-separated,"
                + " or semicolon-separated with decimal commas for separator=semicolon; CRLF, quoted where needed; a"
                + " note may span lines), the header row first, dates ISO 8601, amounts plain"
                + " decimals with the currency in its own column. A cell beginning with =, +, -, @, a tab, a carriage"
                + " return or ' has one ' put in front, so that spreadsheets do not run it: remove one leading ' from"
                + " any cell that begins with one to read the value.",
        content = @Content(mediaType = CsvResponse.TEXT_CSV, schema = @Schema(type = "string", format = "binary")))
@interface CsvResponse {

    String TEXT_CSV = "text/csv";
}
