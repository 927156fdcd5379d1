package io.hookline.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphicsValuesTest {

    @Test
    void aTextFormatFillsItsPlaceholders() {
        TextFormat format = TextFormat.parse("{ACTION} — {player} ({score}, {clock})");

        assertThat(format.placeholders())
                .containsExactly(Placeholder.ACTION_CAPITALS, Placeholder.PLAYER, Placeholder.SCORE, Placeholder.CLOCK);
        assertThat(format.fill(Map.of(
                        Placeholder.ACTION_CAPITALS,
                        "DUNK",
                        Placeholder.PLAYER,
                        "Léa Martin",
                        Placeholder.SCORE,
                        "2-1")))
                .isEqualTo("DUNK — Léa Martin (2-1, )");
    }

    @Test
    void aTextFormatTakesOnlyKnownPlaceholdersAndBalancedBraces() {
        assertThat(TextFormat.parse("no placeholders").fill(Map.of())).isEqualTo("no placeholders");
        assertThatThrownBy(() -> TextFormat.parse("{Player}"))
                .hasMessageStartingWith("unknown placeholder '{Player}'; did you mean '{player}'?");
        assertThatThrownBy(() -> TextFormat.parse("a } b")).hasMessage("'}' without a '{' before it");
        assertThatThrownBy(() -> TextFormat.parse("{score")).hasMessage("'{' without a '}' after it");
    }

    @Test
    void aColourReadsSixOrEightHexDigits() {
        assertThat(Color.parse("#0B1F3A")).isEqualTo(new Color(11, 31, 58, 255));
        assertThat(Color.parse("#0b1f3a80").opacity()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Color.parse("#0b1f3a80")).hasToString("#0b1f3a80");
        assertThatThrownBy(() -> Color.parse("0b1f3a")).hasMessage("expected a colour as #rrggbb or #rrggbbaa");
        assertThatThrownBy(() -> Color.parse("#0b1f3")).hasMessage("expected a colour as #rrggbb or #rrggbbaa");
    }

    @Test
    void aSafeZoneLeavesTheAreaBetweenItsMargins() {
        SafeZone reels = new SafeZone(0.14, 0.35, 0.06, 0.06);

        assertThat(reels.area(1080, 1920)).isEqualTo(new SafeZone.Area(65, 269, 950, 979));
        assertThat(SafeZone.NONE.area(1280, 720)).isEqualTo(new SafeZone.Area(0, 0, 1280, 720));
    }

    @Test
    void anAnchorSaysWhereInTheFreeSpaceAGraphicSits() {
        assertThat(Anchor.TOP_LEFT.x()).isZero();
        assertThat(Anchor.BOTTOM_CENTER.x()).isEqualTo(0.5);
        assertThat(Anchor.BOTTOM_CENTER.y()).isEqualTo(1);
    }
}
