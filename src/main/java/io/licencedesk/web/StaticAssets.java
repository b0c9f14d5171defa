package io.licencedesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The version in the addresses of the application's own static files (/assets/{version}/css/app.css): a hash of the
 * files under static/, computed once at start. An address changes when a file does, so browsers may keep each one for
 * a year. Templates write it directly (${@staticAssets.version}); no filter rewrites links (docs/decisions/0031).
 */
@Component
class StaticAssets {

    static final String LOCATION = "classpath:/static/";

    private final String version;

    StaticAssets() {
        this.version = versionOf(LOCATION);
    }

    public String getVersion() {
        return version;
    }

    /** The addresses under which this version's files are served. */
    String pathPattern() {
        return "/assets/" + version + "/**";
    }

    /**
     * The files' contents only, in an order that does not depend on where the application is installed, so that
     * every node of a cluster gives the same files the same version.
     */
    static String versionOf(String location) {
        try {
            var files = new PathMatchingResourcePatternResolver().getResources(location + "**");
            var digest = sha256();
            Stream.of(files)
                    .filter(Resource::isReadable)
                    .map(StaticAssets::digestOf)
                    .sorted()
                    .forEach(fileDigest -> digest.update(fileDigest.getBytes()));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digestOf(Resource file) {
        try {
            return HexFormat.of().formatHex(sha256().digest(file.getContentAsByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
