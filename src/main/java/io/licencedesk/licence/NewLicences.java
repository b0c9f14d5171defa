package io.licencedesk.licence;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Draws coupon codes: saves new licences under a fresh one. A code that is already taken is drawn again,
 * inside the same transaction, and never surfaced to anyone.
 */
@Component
class NewLicences {

    private static final int ATTEMPTS = 20;

    private final LicenceRepository licences;
    private final RandomGenerator random;

    @Autowired
    NewLicences(LicenceRepository licences) {
        this(licences, new SecureRandom());
    }

    NewLicences(LicenceRepository licences, RandomGenerator random) {
        this.licences = licences;
        this.random = random;
    }

    /** Saves the draft (whose coupon code is ignored) and answers the new licence's id. */
    long save(Licence draft) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var id = licences.insertIfCodeFree(draft.withCouponCode(CouponCode.random(random)));
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new IllegalStateException("No free coupon code after " + ATTEMPTS + " attempts");
    }

    /**
     * A code no licence has, for a licence that becomes Available again. Nothing reserves it: another licence
     * taking the same code in the instant between this check and the update is left to the unique index.
     */
    CouponCode freeCode() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CouponCode code = CouponCode.random(random);
            if (!licences.codeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("No free coupon code after " + ATTEMPTS + " attempts");
    }
}
