package io.hookline.publish;

import io.hookline.profiles.Destination;
import io.hookline.profiles.Destination.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a destination's credential from where its YAML says: an environment variable, a file, or a secret
 * store (AWS Secrets Manager).
 */
public final class Secrets {
    private final Map<String, String> environment;
    private final SecretStore store;

    /** Environment variables and files only: a destination whose credential is in a secret store is refused. */
    public Secrets(Map<String, String> environment) {
        this(environment, name -> {
            throw new CredentialException("no secret store is configured to read " + name + " from");
        });
    }

    /** {@code environment} is the process's, or a test's own; {@code store} reads {@code awsSecret} names. */
    public Secrets(Map<String, String> environment, SecretStore store) {
        this.environment = Map.copyOf(environment);
        this.store = store;
    }

    /** Where secrets named by the destinations are kept. */
    @FunctionalInterface
    public interface SecretStore {
        /**
         * The secret's value; the exception says why it cannot be had, never the value.
         *
         * @param name a name or ARN
         */
        String read(String name) throws CredentialException;
    }

    public Secret resolve(Destination destination) throws CredentialException {
        Credentials credentials = destination.credentials();
        String where = destination.name() + " (" + destination.file() + ")";
        return switch (credentials.source()) {
            case ENV -> {
                String value = environment.get(credentials.reference());
                if (value == null || value.isBlank()) {
                    throw new CredentialException(
                            where + ": environment variable " + credentials.reference() + " is not set");
                }
                yield new Secret(value, "environment variable " + credentials.reference());
            }
            case FILE ->
                new Secret(readFile(Path.of(credentials.reference()), where), "file " + credentials.reference());
            case AWS_SECRET -> {
                try {
                    yield new Secret(
                            store.read(credentials.reference()),
                            "AWS Secrets Manager secret " + credentials.reference());
                } catch (CredentialException e) {
                    throw new CredentialException(where + ": " + e.getMessage());
                }
            }
        };
    }

    private static String readFile(Path file, String where) throws CredentialException {
        try {
            // A mounted secret usually ends with a newline that is not part of it.
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new CredentialException(where + ": credentials file " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            // The exception's own message names only the file; no content was read.
            throw new CredentialException(where + ": cannot read credentials file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
