package io.hookline.ingest.importers;

import io.hookline.vocabulary.Suggestions;
import java.util.Arrays;
import java.util.List;

/** The provider formats {@code ./hookline import --format} reads. */
public enum FeedFormat {
    /** stats.nba.com play-by-play (playbyplayv2 columns) as CSV. */
    NBA_PBP("nba-pbp", new NbaPlayByPlayImporter()),
    /** StatsBomb events JSON, optionally with its lineup JSON. */
    STATSBOMB("statsbomb", new StatsBombImporter()),
    /** Metrica Sports events as CSV or JSON, optionally with the JSON's EPTS metadata XML. */
    METRICA("metrica", new MetricaImporter());

    private final String cliName;
    private final FeedImporter importer;

    FeedFormat(String cliName, FeedImporter importer) {
        this.cliName = cliName;
        this.importer = importer;
    }

    public String cliName() {
        return cliName;
    }

    public FeedImporter importer() {
        return importer;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(FeedFormat::cliName).toList();
    }

    public static FeedFormat parse(String name) throws ImportException {
        for (FeedFormat f : values()) {
            if (f.cliName.equals(name)) {
                return f;
            }
        }
        throw new ImportException(
                "--format",
                "unknown format '" + name + "'" + Suggestions.didYouMean(name, names()) + "; known formats: "
                        + String.join(", ", names()));
    }
}
