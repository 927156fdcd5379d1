package io.hookline.render.graphics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamCodesTest {

    @ParameterizedTest(name = "{0} v {1}: {2} v {3}")
    @CsvSource({
        "Riverside Rovers, Harbour Athletic, RIV, HAR",
        "Atlanta Hawks, Detroit Pistons, ATL, DET",
        "Manchester United, Manchester City, MUN, MCI",
        "1. FC Köln, Borussia Mönchengladbach, 1, BOR",
        "Ñublense, Örebro SK, ÑUB, ÖRE",
        "LA, Lakers, LA, LAK"
    })
    void codesAreShortAndTellTheTeamsApart(String home, String away, String homeCode, String awayCode) {
        assertThat(TeamCodes.of(home, away)).containsExactly(homeCode, awayCode);
    }
}
