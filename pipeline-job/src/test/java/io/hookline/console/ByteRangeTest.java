package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void theFormsAVideoElementSendsAreClampedToTheFile() {
        assertThat(ByteRange.parse("bytes=0-", 1000)).contains(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=100-199", 1000)).contains(new ByteRange(100, 199));
        assertThat(ByteRange.parse("bytes=900-5000", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
    }

    @Test
    void noRangeOrOneThisServerDoesNotGiveMeansTheWholeFile() {
        assertThat(ByteRange.parse(null, 1000)).isEqualTo(Optional.empty());
        assertThat(ByteRange.parse("bytes=0-10,20-30", 1000)).isEmpty();
        assertThat(ByteRange.parse("items=0-10", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=20-10", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 1000)).isEmpty();
    }

    @Test
    void aRangeBeyondTheEndIsUnsatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
