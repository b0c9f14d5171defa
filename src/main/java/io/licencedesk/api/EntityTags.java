package io.licencedesk.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.http.ETag;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entity tags of the API's single objects, a licence and a client (decision 0130). Strong: a digest of the JSON
 * the API writes for the object, so a tag changes exactly when something a caller reads of it changes (a rename, a
 * payment, a client's new e-mail, a status the date reached) and never otherwise. A version column would miss the
 * changes made elsewhere (the client's name in a licence, a licence expiring overnight), and a tag that can stay while
 * the object changes is weak, which RFC 9110 forbids If-Match to compare.
 */
final class EntityTags {

    /** Any mapper that writes the same values the same way: the digest only needs to follow the object's values. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntityTags() {}

    /** The strong tag of this representation, quotes included: {@code "q3Jv…"} (22 characters, 132 bits). */
    static String of(Object representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(representation));
            return '"'
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22)
                    + '"';
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }

    /**
     * Whether an {@code If-Match} header holds this tag, compared strongly (RFC 9110 13.1.1): {@code *}, or one of
     * its tags; a weak tag ({@code W/"…"}) never matches, nor does a tag sent without its quotes.
     */
    static boolean matches(String ifMatch, String current) {
        ETag tag = ETag.create(current);
        return ETag.parse(ifMatch).stream().anyMatch(sent -> sent.isWildcard() || sent.compare(tag, true));
    }
}
