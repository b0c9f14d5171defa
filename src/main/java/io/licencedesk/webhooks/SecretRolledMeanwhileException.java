package io.licencedesk.webhooks;

/**
 * A roll of the signing secret refused because the secret its sender meant to replace is no longer the current one:
 * someone else rolled it since (decision 0170). Nothing changed; the secret the other roll showed stays current.
 */
public class SecretRolledMeanwhileException extends RuntimeException {

    public SecretRolledMeanwhileException(long id) {
        super("The signing secret of webhook endpoint " + id + " was rolled meanwhile", null, false, false);
    }
}
