package io.licencedesk.licence;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The licence ID people see and type: 8 characters A–Z and 0–9. Parsing ignores case, spaces and
 * hyphens, so " ab12-cd34 " and "AB12CD34" are the same code.
 */
public record CouponCode(String value) {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final int LENGTH = 8;
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{8}");

    /** Compiled once: an import parses a code on each of a million rows. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    public CouponCode {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidCouponCodeException();
        }
    }

    public static CouponCode parse(String typed) {
        if (typed == null) {
            throw new InvalidCouponCodeException();
        }
        return new CouponCode(SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT));
    }

    /** A fresh code from the given generator: callers pass a SecureRandom, tests a seeded one. */
    static CouponCode random(RandomGenerator random) {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new CouponCode(code.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
