package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.time.Instant;

/**
 * A client's coupon code could not be redeemed (with the one refusal every cause gets). The code is kept only as
 * {@link #shown}: its first two characters, for recognising a typing mistake, and nothing a guesser could use. The
 * whole code might be a licence of another organisation or one still to be handed out (decision 0051).
 *
 * @param shown the first two characters of the code followed by six asterisks, or "not a code" when what was typed
 *     is no coupon code at all
 */
public record CouponCodeRefused(Caller client, String shown, Instant occurredAt) {

    static final String NOT_A_CODE = "not a code";

    static String masked(CouponCode code) {
        return code == null ? NOT_A_CODE : code.value().substring(0, 2) + "******";
    }
}
