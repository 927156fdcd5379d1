package io.hookline.job;

import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileSet;
import io.hookline.storage.ProfileStore;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The profile sets a job's clips are planned and rendered with, by version: the set the job started with, and
 * any later version of its profile store, loaded once per task and kept (a pushed version never changes). A plan
 * names its version, so a clip is rendered with the set it was planned with, also after a restore.
 */
final class ProfileVersions implements Serializable {
    private final ProfileSet start;
    private final String store;
    private final S3Settings s3;
    private final List<String> renditions;
    private transient Map<String, ProfileSet> loaded;

    /**
     * @param store where later versions come from, or null when the job reads none
     * @param renditions the renditions the job renders, or null for all of a version's
     */
    ProfileVersions(ProfileSet start, String store, S3Settings s3, List<String> renditions) {
        this.start = start;
        this.store = store;
        this.s3 = s3;
        this.renditions = renditions == null ? null : List.copyOf(renditions);
    }

    /** One set for the whole run. */
    static ProfileVersions fixed(ProfileSet set) {
        return new ProfileVersions(set, null, null, null);
    }

    ProfileSet start() {
        return start;
    }

    /** Where later versions come from, or null. */
    String store() {
        return store;
    }

    ProfileStore openStore() {
        return ProfileStore.open(store, s3);
    }

    /**
     * The set of a version already taken by the job.
     *
     * @throws IllegalStateException it cannot be loaded now; the task fails and is retried from its checkpoint
     */
    ProfileSet resolve(String version) {
        try {
            return load(version);
        } catch (IOException | ProfileException e) {
            throw new IllegalStateException("cannot load profile version " + version + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads and checks a version as this job would use it: valid, and holding every rendition the job renders.
     *
     * @throws ProfileException the version is not fit for this job
     * @throws IOException the store could not be read
     */
    ProfileSet load(String version) throws IOException, ProfileException {
        if (version.equals(start.version())) {
            return start;
        }
        if (store == null) {
            throw new IllegalStateException(
                    "profile version " + version + " is unknown: this job reads no profile store");
        }
        Map<String, ProfileSet> cache = cache();
        ProfileSet known = cache.get(version);
        if (known != null) {
            return known;
        }
        ProfileSet set = selected(openStore().load(version));
        cache.put(version, set);
        return set;
    }

    private ProfileSet selected(ProfileSet all) throws ProfileException {
        if (renditions == null) {
            return all;
        }
        try {
            return all.only(renditions);
        } catch (IllegalArgumentException e) {
            throw new ProfileException(
                    store,
                    List.of(new Problem("profiles/", 0, 0, "the job renders " + renditions + ": " + e.getMessage())));
        }
    }

    private synchronized Map<String, ProfileSet> cache() {
        if (loaded == null) {
            loaded = new ConcurrentHashMap<>();
        }
        return loaded;
    }
}
