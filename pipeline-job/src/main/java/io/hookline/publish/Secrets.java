package io.hookline.publish;

import io.hookline.profiles.Destination;
import io.hookline.profiles.Destination.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads a destination's credential from where its YAML says: an environment variable or a file. */
public final class Secrets {
    private final Map<String, String> environment;

    /** {@code environment} is the process's, or a test's own. */
    public Secrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Secret resolve(Destination destination) throws CredentialException {
        Credentials credentials = destination.credentials();
        String where = destination.name() + " (" + destination.file() + ")";
        return switch (credentials.source()) {
            case ENV -> {
                String value = environment.get(credentials.reference());
                if (value == null || value.isBlank()) {
                    throw new CredentialException(where + ": environment variable " + credentials.reference()
                            + " is not set");
                }
                yield new Secret(value, "environment variable " + credentials.reference());
            }
            case FILE -> new Secret(readFile(Path.of(credentials.reference()), where),
                    "file " + credentials.reference());
            case AWS_SECRET -> throw new CredentialException(where + ": credentials from AWS Secrets Manager ("
                    + credentials.reference() + ") are not supported yet; use env or file");
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
