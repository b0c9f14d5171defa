package io.licencedesk.web;

import java.io.Serializable;

/**
 * A token just made, for the page after the redirect to show once: it rides in the flash map, which lives in the
 * session until that next request reads it. Its text never says the secret, so that a log of the flash map or the
 * model (Spring's TRACE logging prints both) does not hold a working token.
 */
record NewTokenSecret(String name, String secret) implements Serializable {

    @Override
    public String toString() {
        return "NewTokenSecret[name=" + name + ", secret=(not shown)]";
    }
}
