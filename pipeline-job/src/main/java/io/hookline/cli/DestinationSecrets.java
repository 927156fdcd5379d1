package io.hookline.cli;

import io.hookline.publish.Secrets;
import io.hookline.storage.secrets.SecretsManagerStore;
import java.time.Clock;

/** Where a publishing command finds destinations' credentials: its environment, files, AWS Secrets Manager. */
final class DestinationSecrets {
    private DestinationSecrets() {}

    static Secrets ofThisProcess() {
        return new Secrets(System.getenv(), new SecretsManagerStore(Clock.systemUTC()));
    }
}
