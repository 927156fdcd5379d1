package io.hookline.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.profiles.Destination;
import io.hookline.profiles.Destination.Credentials;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a destination's credential is read from, and what a failure says (never the value). */
class SecretsTest {
    private static final Destination HOOK = PublishFixtures.webhook("hook", "http://127.0.0.1:1/", 10, false);

    @Test
    void anEnvironmentVariableOrASecretStoreEntry() throws Exception {
        Secrets secrets = new Secrets(
                Map.of(PublishFixtures.SECRET_ENV, "env-value"),
                name -> name.equals("hookline/hook") ? "store-value" : null);

        assertThat(secrets.resolve(HOOK).value()).isEqualTo("env-value");
        assertThat(secrets.resolve(inStore("hookline/hook")).value()).isEqualTo("store-value");
    }

    @Test
    void aStoreThatCannotGiveTheSecretNamesTheDestinationAndTheReason() {
        Secrets secrets = new Secrets(Map.of(), name -> {
            throw new CredentialException("cannot read AWS Secrets Manager secret " + name + ": AccessDeniedException");
        });

        assertThatThrownBy(() -> secrets.resolve(inStore("hookline/hook")))
                .isInstanceOf(CredentialException.class)
                .hasMessage("hook (destinations/test.yaml): cannot read AWS Secrets Manager secret hookline/hook:"
                        + " AccessDeniedException");
        assertThatThrownBy(() -> new Secrets(Map.of()).resolve(inStore("hookline/hook")))
                .hasMessage("hook (destinations/test.yaml): no secret store is configured to read hookline/hook from");
    }

    private static Destination inStore(String name) {
        return new Destination(
                HOOK.name(),
                HOOK.file(),
                HOOK.platform(),
                HOOK.account(),
                new Credentials(Credentials.Source.AWS_SECRET, name),
                HOOK.rendition(),
                HOOK.title(),
                HOOK.caption(),
                HOOK.hashtags(),
                HOOK.link(),
                HOOK.takes(),
                HOOK.quota(),
                HOOK.privacy(),
                HOOK.approval(),
                HOOK.localBotApi(),
                HOOK.shorts());
    }
}
