package io.hookline.publish.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every post one emulator accepted, in order. Thread-safe. */
public final class PostLog {
    private final List<PostRecord> posts = new ArrayList<>();

    synchronized void add(PostRecord post) {
        posts.add(post);
    }

    public synchronized List<PostRecord> all() {
        return List.copyOf(posts);
    }

    public synchronized int size() {
        return posts.size();
    }

    /** How many posts carried this media to this account: exactly-once checks want 1. */
    public synchronized int count(String account, String mediaSha256) {
        PostKey key = new PostKey(account, mediaSha256);
        return (int) posts.stream().filter(p -> p.key().equals(key)).count();
    }

    /** Posts per (account, media), for finding duplicates and gaps at once. */
    public synchronized Map<PostKey, Integer> counts() {
        return posts.stream()
                .collect(Collectors.groupingBy(
                        PostRecord::key,
                        () -> new TreeMap<>(
                                Comparator.comparing(PostKey::account).thenComparing(PostKey::mediaSha256)),
                        Collectors.collectingAndThen(Collectors.counting(), Long::intValue)));
    }

    public synchronized Map<String, PostRecord> byId() {
        return posts.stream().collect(Collectors.toMap(PostRecord::postId, Function.identity()));
    }
}
