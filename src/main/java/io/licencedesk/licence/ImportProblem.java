package io.licencedesk.licence;

import io.licencedesk.shared.Reason;

/**
 * Why a row of an import file is refused.
 *
 * @param line the line of the file where the row starts (the header is line 1)
 * @param column the column at fault, or null when it is the row as a whole
 */
public record ImportProblem(int line, String column, Reason reason) {}
