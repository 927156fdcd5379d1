package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.DeadLetter;
import io.hookline.model.DeadLetterBatch;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CollectDeadLettersTest {

    @Test
    void lettersComeOutTogetherAtTheEndInFeedOrder() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, DeadLetter, DeadLetterBatch> harness = Harnesses.keyed(
                new CollectDeadLetters(false), DeadLetter::getMatchId, DeadLetter.class, DeadLetterBatch.class)) {
            harness.open();
            // Scoring reports duplicates after validation has reported later lines.
            harness.processElement(letter(9, "unknown event type"), 0);
            harness.processElement(letter(3, "malformed JSON"), 0);
            harness.processElement(letter(3, "duplicate event id e1"), 0);
            harness.processWatermark(1_000_000_000L);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(Long.MAX_VALUE);

            assertThat(harness.extractOutputValues()).singleElement().satisfies(batch -> {
                assertThat(batch.getMatchId()).isEqualTo("m1");
                assertThat(batch.getLetters())
                        .extracting(DeadLetter::getReason)
                        .containsExactly("duplicate event id e1", "malformed JSON", "unknown event type");
            });
        }
    }

    @Test
    void aLiveMatchGetsItsLettersSoFarAtMostOnceASecond() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, DeadLetter, DeadLetterBatch> harness = Harnesses.keyed(
                new CollectDeadLetters(true), DeadLetter::getMatchId, DeadLetter.class, DeadLetterBatch.class)) {
            harness.open();
            harness.setProcessingTime(10_200);
            harness.processElement(letter(5, "undecodable MatchEvent"), 0);
            harness.processElement(letter(2, "unknown event type"), 0);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.setProcessingTime(11_000);
            assertThat(harness.extractOutputValues())
                    .singleElement()
                    .satisfies(b -> assertThat(b.getLetters())
                            .extracting(DeadLetter::getSequence)
                            .containsExactly(2L, 5L));

            harness.processElement(letter(9, "duplicate event id e1"), 0);
            harness.setProcessingTime(12_000);
            assertThat(harness.extractOutputValues())
                    .hasSize(2)
                    .last()
                    .satisfies(b -> assertThat(b.getLetters())
                            .extracting(DeadLetter::getSequence)
                            .containsExactly(2L, 5L, 9L));
        }
    }

    private static DeadLetter letter(long sequence, String reason) {
        return DeadLetters.of("m1", "feed.jsonl:" + sequence, sequence, reason, null);
    }
}
