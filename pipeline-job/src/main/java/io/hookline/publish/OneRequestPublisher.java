package io.hookline.publish;

/**
 * A platform whose upload is one request that carries the whole file (Telegram's sendVideo, WhatsApp's media
 * upload, a webhook's POST): no session to resume, nothing to poll. {@link #start} makes or prepares that
 * request and returns what identifies it; the engine's upload, finish and poll steps pass straight through.
 */
public interface OneRequestPublisher extends Publisher {

    @Override
    default long upload(PublishItem item, String handle, long progress) {
        return item.bytes();
    }

    @Override
    default String finish(PublishItem item, String handle) {
        return handle;
    }

    @Override
    default Processing poll(PublishItem item, String remoteId) {
        return Processing.ready();
    }
}
