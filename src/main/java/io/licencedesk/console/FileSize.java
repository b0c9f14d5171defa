package io.licencedesk.console;

import io.licencedesk.web.Words;

/**
 * A file's size as a person reads it: "10.0 MB" (or "10,0 Mo") rather than "10 523 808 bytes". Units of 1024, as
 * file managers show them, with one decimal; under a kilobyte, the bytes themselves.
 */
record FileSize(long bytes) {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    /** The size in the request's language, from the messages fileSize.B, fileSize.KB, … */
    String text(Words words) {
        if (bytes < 1024) {
            return words.of("fileSize.B", bytes);
        }
        double amount = bytes / 1024.0;
        int unit = 0;
        // 1023.96 KB would read "1024.0 KB": go up as soon as the rounded figure reaches 1024.
        while (Math.round(amount * 10) >= 1024 * 10 && unit < UNITS.length - 1) {
            amount /= 1024;
            unit++;
        }
        return words.of("fileSize." + UNITS[unit], Math.round(amount * 10) / 10.0);
    }
}
