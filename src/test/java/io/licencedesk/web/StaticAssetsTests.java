package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAssetsTests {

    @TempDir
    Path dir;

    @Test
    void givesTheSameFilesTheSameVersionWhereverTheyAreInstalled() throws IOException {
        write(dir.resolve("one"), "body { color: red; }");
        write(dir.resolve("two"), "body { color: red; }");

        assertThat(versionOf(dir.resolve("one"))).isEqualTo(versionOf(dir.resolve("two")));
    }

    @Test
    void changesTheVersionWhenAFileChanges() throws IOException {
        write(dir.resolve("one"), "body { color: red; }");
        write(dir.resolve("two"), "body { color: blue; }");

        assertThat(versionOf(dir.resolve("one"))).isNotEqualTo(versionOf(dir.resolve("two")));
    }

    static void write(Path root, String css) throws IOException {
        Files.createDirectories(root.resolve("css"));
        Files.createDirectories(root.resolve("js"));
        Files.writeString(root.resolve("css/app.css"), css);
        Files.writeString(root.resolve("js/app.js"), "console.log('x');");
    }

    static String versionOf(Path root) {
        return StaticAssets.versionOf(root.toUri().toString());
    }
}
