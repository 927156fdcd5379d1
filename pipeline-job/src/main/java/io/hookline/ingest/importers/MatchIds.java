package io.hookline.ingest.importers;

/** Compares a feed's own match id with the sync file's. */
final class MatchIds {
    private MatchIds() {}

    /** Numeric ids match without their leading zeros: a spreadsheet turns NBA's 0021500001 into 21500001. */
    static boolean same(String feed, String sync) {
        String a = feed.strip();
        String b = sync.strip();
        if (a.matches("\\d+") && b.matches("\\d+")) {
            return a.replaceFirst("^0+(?=.)", "").equals(b.replaceFirst("^0+(?=.)", ""));
        }
        return a.equals(b);
    }
}
