package io.hookline.render;

import io.hookline.render.RenditionRecipe.EncodedSound;
import io.hookline.render.media.WindowedPcm;
import java.util.HashMap;
import java.util.Map;

/**
 * The sounds of one decode pass, one per distinct audio setting. A clip whose peaks AAC lifts over the ceiling
 * lifts them in every setting with the same loudness target, so once one setting had to limit harder, the next
 * starts from that ceiling instead of finding out with an encode of its own.
 */
final class PassSounds implements AutoCloseable {
    private final WindowedPcm pcm;
    private final Map<Object, EncodedSound> sounds = new HashMap<>();
    /** By loudness target: how far under its asked ceiling a sound had to be limited, in dB (0 or less). */
    private final Map<Double, Double> ceilingCuts = new HashMap<>();

    PassSounds(WindowedPcm pcm) {
        this.pcm = pcm;
    }

    EncodedSound of(RenditionRecipe recipe, double loudnessOffsetDb, double ceilingOffsetDb) {
        return sounds.computeIfAbsent(recipe.audioKey(loudnessOffsetDb, ceilingOffsetDb), k -> {
            double target = recipe.profile().audio().loudnessLufs() + loudnessOffsetDb;
            double asked = recipe.profile().audio().truePeakDbtp() + ceilingOffsetDb;
            double cut = ceilingCuts.getOrDefault(target, 0.0);
            EncodedSound sound = recipe.encodeAudio(pcm, loudnessOffsetDb, ceilingOffsetDb + cut);
            ceilingCuts.put(target, Math.min(cut, sound.ceilingDbtp() - asked));
            return sound;
        });
    }

    @Override
    public void close() {
        sounds.values().forEach(EncodedSound::close);
        sounds.clear();
    }
}
