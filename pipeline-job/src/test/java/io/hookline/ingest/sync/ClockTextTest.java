package io.hookline.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClockTextTest {

    @Test
    void readsTheWaysProvidersAndPeopleWriteTimes() {
        assertThat(ClockText.parseMs("7:41")).isEqualTo(461_000);
        assertThat(ClockText.parseMs("12:00")).isEqualTo(720_000);
        assertThat(ClockText.parseMs("0:45.3")).isEqualTo(45_300);
        assertThat(ClockText.parseMs("00:18:21.121")).isEqualTo(1_101_121);
        assertThat(ClockText.parseMs("1:02:03.5")).isEqualTo(3_723_500);
        assertThat(ClockText.parseMs("93:08")).isEqualTo(5_588_000);
        assertThat(ClockText.parseMs("91.56")).isEqualTo(91_560);
        assertThat(ClockText.parseMs(" 150 ")).isEqualTo(150_000);
    }

    @Test
    void rejectsWhatIsNotATime() {
        for (String bad : new String[] {"7:4x", "", "-1:00", "7:60", "1:60:00", "1:2:3:4", "7:41.1234", "seven"}) {
            assertThatThrownBy(() -> ClockText.parseMs(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a time");
        }
    }

    @Test
    void formatsTheShortestExactForm() {
        assertThat(ClockText.format(461_000)).isEqualTo("7:41");
        assertThat(ClockText.format(45_300)).isEqualTo("0:45.300");
        assertThat(ClockText.format(3_723_500)).isEqualTo("1:02:03.500");
        assertThat(ClockText.formatVideo(720_000)).isEqualTo("0:12:00");
    }
}
