package io.hookline.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3LocationTest {

    @Test
    void parsesBucketAndKey() {
        assertThat(S3Location.parse("s3://media/matches/derby.mp4"))
                .isEqualTo(new S3Location("media", "matches/derby.mp4"));
        assertThat(S3Location.parse("s3://media")).isEqualTo(new S3Location("media", ""));
        assertThat(S3Location.parse("s3://media/")).isEqualTo(new S3Location("media", ""));
    }

    @Test
    void resolvesUnderAPrefixWithOrWithoutTheSlash() {
        assertThat(S3Location.parse("s3://b/clips").resolve("m1/manifest.json").toString())
                .isEqualTo("s3://b/clips/m1/manifest.json");
        assertThat(S3Location.parse("s3://b/clips/").resolve("m1/manifest.json").key())
                .isEqualTo("clips/m1/manifest.json");
        assertThat(S3Location.parse("s3://b").resolve("m1/manifest.json").key()).isEqualTo("m1/manifest.json");
    }

    @Test
    void refusesWhatIsNotAnS3Location() {
        assertThat(S3Location.isS3("/data/match.mp4")).isFalse();
        assertThatThrownBy(() -> S3Location.parse("https://b/k")).hasMessageContaining("not an S3 location");
        assertThatThrownBy(() -> S3Location.parse("s3:///k")).hasMessage("no bucket in s3:///k");
    }
}
