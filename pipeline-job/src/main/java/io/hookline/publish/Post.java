package io.hookline.publish;

import java.util.Objects;

/** A post on a platform: its id, and where people see it (empty when the platform gives no URL). */
public record Post(String id, String url) {
    public Post {
        Objects.requireNonNull(id, "id");
        url = url == null ? "" : url;
    }
}
