package io.hookline.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.Destination;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * clip-profiles cannot see the Avro model, so a destination's {@code takes.kinds} names the clip kinds itself;
 * they must stay the manifest's.
 */
class DestinationClipKindsTest {

    @Test
    void aDestinationTakesTheManifestsClipKinds() {
        assertThat(Arrays.stream(Destination.ClipKind.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(ClipKind.values())
                        .map(k -> k.name().toUpperCase())
                        .toList());
    }
}
