package io.hookline.profiles;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Which compilations a match gets, and how they open.
 *
 * @param kinds the compilations, each with its size
 * @param teaserCuts how many of its best plays' hooks a compilation opens with
 */
public record CompilationRules(List<Compilation> kinds, int teaserCuts) implements Serializable {
    public static final CompilationRules NONE = new CompilationRules(List.of(), 0);

    public CompilationRules {
        kinds = List.copyOf(kinds);
    }

    /** The kinds of compilation. */
    public enum Kind {
        /** The best plays of the match. */
        TOP,
        /** The best plays of each period. */
        PERIOD,
        /** A reel for every player with enough plays. */
        PLAYER,
        /** A reel for each team. */
        TEAM,
        /** While a live match goes on, its best plays so far, every few minutes of the match. */
        SO_FAR
    }

    /**
     * One kind of compilation.
     *
     * @param plays at most this many plays
     * @param maxMs at most this long
     * @param minPlays made only when at least this many plays qualify
     * @param everyMs how often a rolling compilation (SO_FAR) is made, in match time; 0 for the others
     */
    public record Compilation(Kind kind, int plays, long maxMs, int minPlays, long everyMs) implements Serializable {
        public Compilation(Kind kind, int plays, long maxMs, int minPlays) {
            this(kind, plays, maxMs, minPlays, 0);
        }
    }

    /** The rolling compilation's rule, when there is one. */
    public Optional<Compilation> soFar() {
        return kinds.stream().filter(c -> c.kind() == Kind.SO_FAR).findFirst();
    }
}
