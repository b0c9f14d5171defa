package io.licencedesk.licence;

/**
 * A coupon code could not be redeemed. One message for every reason (unknown, already used, paused,
 * another organisation's, mistyped), so that codes cannot be probed by their answers.
 */
public class CodeNotRedeemableException extends RuntimeException {

    public static final String MESSAGE =
            "This code cannot be redeemed. Check it and try again, or ask your account manager for a new one.";

    CodeNotRedeemableException() {
        super(MESSAGE);
    }
}
