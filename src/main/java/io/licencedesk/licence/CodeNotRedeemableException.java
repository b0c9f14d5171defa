package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/**
 * A coupon code could not be redeemed. One reason for every cause (unknown, already used, paused,
 * another organisation's, mistyped), so that codes cannot be probed by their answers.
 */
public class CodeNotRedeemableException extends RefusedException {

    public static final Reason REASON = Reason.of("reason.coupon.notRedeemable");

    CodeNotRedeemableException() {
        super(REASON);
    }
}
