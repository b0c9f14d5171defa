package io.licencedesk.licence;

import io.licencedesk.shared.GroupedCode;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The licence ID people see and type: 8 characters A–Z and 0–9. Parsing ignores case, spaces and
 * hyphens, so " ab12-cd34 " and "AB12CD34" are the same code. It is the one place that reads a code a person typed or
 * pasted, whether in the portal, through the REST API or in an imported file.
 */
public record CouponCode(String value) {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final int LENGTH = 8;
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{8}");

    /**
     * A code a spreadsheet reads as a number: digits only ("01234567" loses its zero) or digits around one E
     * ("1234E567", a power of ten). Such a code came back changed from an export opened and saved in Excel, so its
     * licence was imported again under a new code. About 1 drawn code in 20,000; it is drawn again.
     */
    private static final Pattern SPREADSHEET_NUMBER = Pattern.compile("[0-9]+(E[0-9]+)?");

    /** What may stand between the characters of a code (a space, a hyphen, a no-break space, an en dash...). */
    private static final Pattern SEPARATORS = GroupedCode.SEPARATORS;

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
        String code;
        do {
            var drawn = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                drawn.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            code = drawn.toString();
        } while (SPREADSHEET_NUMBER.matcher(code).matches());
        return new CouponCode(code);
    }

    @Override
    public String toString() {
        return value;
    }
}
