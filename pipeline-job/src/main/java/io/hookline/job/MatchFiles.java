package io.hookline.job;

import io.hookline.model.DeadLetterBatch;
import io.hookline.model.MatchManifest;
import io.hookline.model.PlanBatch;
import io.hookline.storage.ManifestFiles;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the job writes for each match. */
final class MatchFiles {

    private MatchFiles() {}

    /** manifest.avro, then manifest.json: a reader polling for the JSON then finds both. */
    static final class Manifest implements MatchFileSink.Files<MatchManifest> {
        @Override
        public String matchId(MatchManifest manifest) {
            return manifest.getMatchId();
        }

        @Override
        public Map<String, byte[]> files(MatchManifest manifest) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(ManifestFiles.MANIFEST_AVRO, ManifestFiles.avro(manifest));
            files.put(ManifestFiles.MANIFEST_JSON, ManifestFiles.json(manifest));
            return files;
        }
    }

    /** plan.json: the ranked plan of a match the job only planned. */
    static final class Plan implements MatchFileSink.Files<PlanBatch> {
        @Override
        public String matchId(PlanBatch batch) {
            return batch.getMatchId();
        }

        @Override
        public Map<String, byte[]> files(PlanBatch batch) {
            return Map.of(ManifestFiles.PLAN, ManifestFiles.plan(batch));
        }
    }

    static final class DeadLetters implements MatchFileSink.Files<DeadLetterBatch> {
        @Override
        public String matchId(DeadLetterBatch batch) {
            return batch.getMatchId();
        }

        @Override
        public Map<String, byte[]> files(DeadLetterBatch batch) {
            return Map.of(ManifestFiles.DEAD_LETTERS, ManifestFiles.deadLetters(batch));
        }
    }
}
