package io.hookline.publish;

import io.hookline.profiles.Platform;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The publisher of each platform that has one. */
public final class Publishers {
    private final Map<Platform, Publisher> byPlatform = new EnumMap<>(Platform.class);

    public Publishers with(Platform platform, Publisher publisher) {
        byPlatform.put(platform, publisher);
        return this;
    }

    public Optional<Publisher> of(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }
}
