package io.licencedesk.renewals;

import java.util.List;

/** The digest's lines of one kind: at most a limit of them, and how many there are in all. */
record DigestLines(List<Line> shown, long total) {

    /**
     * One line of the digest as a message key and its arguments, put in words for each reader: dates and amounts
     * too (decision 0062).
     */
    record Line(String key, List<Object> arguments) {}
}
