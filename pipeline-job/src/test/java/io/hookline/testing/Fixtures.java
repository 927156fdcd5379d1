package io.hookline.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Feeds written for the tests in the providers' formats, under src/test/resources. */
public final class Fixtures {
    private Fixtures() {}

    /** A fixture file, e.g. {@code feeds/nba-pbp/0029900077.csv}. */
    public static Path file(String relative) {
        URL url = Fixtures.class.getResource("/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no test fixture " + relative + " under src/test/resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
