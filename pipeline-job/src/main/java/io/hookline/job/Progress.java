package io.hookline.job;

/** Names of the accumulators the job keeps, which the CLI reads to show progress while it runs. */
public final class Progress {
    public static final String EVENTS_READ = "events.read";
    public static final String EVENTS_REJECTED = "events.rejected";
    public static final String CLIPS_PLANNED = "clips.planned";
    public static final String RENDITIONS_PLANNED = "renditions.planned";
    public static final String CLIPS_RENDERED = "clips.rendered";
    public static final String RENDITIONS_OK = "renditions.ok";
    public static final String RENDITIONS_FAILED = "renditions.failed";

    private Progress() {}
}
