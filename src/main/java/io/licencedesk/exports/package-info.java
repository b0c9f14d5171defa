/**
 * The CSV files staff download, from the console and from the REST API alike (docs/csv.md): the licences (a list's
 * filters, search and sort, or a selection), the invoices, the clients and the audit log, each streamed from the
 * database as its rows are read, with the columns an import reads back. One place for the files' shape, so that a
 * console download and an API download of the same list are the same file.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "CSV exports",
        allowedDependencies = {"accounts", "audit", "invoicing", "licence", "shared"})
package io.licencedesk.exports;
