package io.licencedesk.licence;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The import's settings (docs/csv.md): where files wait for their check, the largest file taken, and how long a
 * node may stay silent before another node decides it stopped.
 */
@Component
class ImportSettings {

    private final Path directory;
    private final DataSize maxSize;
    private final Duration staleAfter;
    private final boolean background;

    ImportSettings(
            @Value("${licencedesk.imports.directory:${java.io.tmpdir}/licencedesk-imports}") Path directory,
            @Value("${licencedesk.imports.max-size:1GB}") DataSize maxSize,
            @Value("${licencedesk.imports.stale-after:PT2M}") Duration staleAfter,
            @Value("${licencedesk.imports.background:true}") boolean background) {
        this.directory = directory;
        this.maxSize = maxSize;
        this.staleAfter = staleAfter;
        this.background = background;
    }

    /**
     * False runs each check and import in the request that starts it, for tests that compare the tables before and
     * after a request and so allow nothing to write in the background.
     */
    boolean background() {
        return background;
    }

    Path directory() {
        return directory;
    }

    DataSize maxSize() {
        return maxSize;
    }

    Duration staleAfter() {
        return staleAfter;
    }
}
