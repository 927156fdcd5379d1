package io.hookline.profiles;

import java.io.Serializable;
import java.util.List;

/**
 * One place clips are published to, from {@code destinations/*.yaml}: which platform and account, where the
 * credentials are kept, which rendition it posts, what the post says, which clips it takes, how often it may
 * post and whether a person approves each post first.
 *
 * @param name unique across the destination files, e.g. {@code youtube-main}; what a ledger keys its posts on
 * @param file the YAML file it came from, for messages
 * @param account the platform's id of the account, channel, page or chat, as the platform spells it
 * @param rendition the name of the {@link RenditionProfile} it posts, see {@link ProfileSet#rendition}
 * @param title the post's title (the caption's first line where a platform has no title)
 * @param caption the post's text; empty when it has none
 * @param hashtags the tags, without '#', in order
 * @param link a URL added to the post; empty when there is none
 * @param approval true when a person must approve each post before it goes out
 * @param localBotApi Telegram only: uploads go through a self-hosted Bot API server, which takes larger files
 * @param shorts YouTube only: the posts are meant as Shorts, so the rendition must be one
 */
public record Destination(
        String name,
        String file,
        Platform platform,
        String account,
        Credentials credentials,
        String rendition,
        TextFormat title,
        TextFormat caption,
        List<String> hashtags,
        String link,
        Takes takes,
        Quota quota,
        Privacy privacy,
        boolean approval,
        boolean localBotApi,
        boolean shorts)
        implements Serializable {

    public Destination {
        hashtags = List.copyOf(hashtags);
    }

    /**
     * Where the publisher finds the destination's secret when it posts. The profiles never hold the secret
     * itself, only where it is kept.
     *
     * @param reference the environment variable's name, the file's absolute path, or the AWS Secrets Manager
     *     secret's name or ARN
     */
    public record Credentials(Source source, String reference) implements Serializable {

        public enum Source {
            /** An environment variable of the publishing process. */
            ENV,
            /** A file, such as a mounted Kubernetes secret. */
            FILE,
            /** An AWS Secrets Manager secret. */
            AWS_SECRET
        }
    }

    /** The kinds of clip a destination can take: the manifest's {@code kind}. */
    public enum ClipKind {
        PLAY,
        COMPILATION
    }

    /**
     * Which clips a destination takes.
     *
     * @param minScore a clip scoring less is not posted; 0 takes every score
     * @param topPerMatch only a match's best N clips (by rank) are posted; 0 takes them all
     */
    public record Takes(List<ClipKind> kinds, double minScore, int topPerMatch) implements Serializable {
        public Takes {
            kinds = List.copyOf(kinds);
        }
    }

    /**
     * How often a destination may post.
     *
     * @param postsPer24h at most this many posts in any 24 hours (a rolling window, not a calendar day)
     * @param spacingMs at least this long between two posts
     */
    public record Quota(int postsPer24h, long spacingMs) implements Serializable {}
}
