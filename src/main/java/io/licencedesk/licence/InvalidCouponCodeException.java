package io.licencedesk.licence;

/** Text that cannot be a coupon code. */
public class InvalidCouponCodeException extends IllegalArgumentException {

    public InvalidCouponCodeException() {
        super("A coupon code has 8 letters and digits");
    }
}
