package io.hookline.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console's users, from a file of lines {@code NAME ROLES HASH} (roles: viewer, editor, publisher, comma-separated) (see {@link PasswordHash}); blank lines and
 * {@code #} comments are skipped. A password or a long random token is stored the same way, hashed.
 */
public final class Users {
    private final Map<String, User> byName;

    private Users(Map<String, User> byName) {
        this.byName = byName;
    }

    public record User(String name, Set<Role> roles, String hash) {
        public User {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        /** Every role includes viewing. */
        public boolean may(Role role) {
            return role == Role.VIEWER || roles.contains(role);
        }

        @Override
        public String toString() {
            return name; // never the hash
        }
    }

    public static Users load(Path file) throws IOException {
        Map<String, User> users = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                problems.add(where + "expected NAME ROLE HASH, got " + fields.length + " field(s)");
                continue;
            }
            if (!Ids.valid(fields[0])) {
                problems.add(where + "user name '" + fields[0] + "' may hold only letters, digits and . _ -");
                continue;
            }
            if (!PasswordHash.wellFormed(fields[2])) {
                problems.add(where + "the password of " + fields[0] + " is not a pbkdf2-sha256 hash; make one with"
                        + " ./hookline console user " + fields[0] + " " + fields[1]);
                continue;
            }
            try {
                users.put(fields[0], new User(fields[0], Role.parseList(fields[1]), fields[2]));
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(file + ": no users");
        }
        return new Users(users);
    }

    public Optional<User> authenticate(String name, char[] password) {
        User user = name == null ? null : byName.get(name);
        if (user == null || password == null) {
            // Hash anyway, so a wrong name takes as long as a wrong password.
            PasswordHash.matches(password == null ? new char[0] : password, DUMMY);
            return Optional.empty();
        }
        return PasswordHash.matches(password, user.hash()) ? Optional.of(user) : Optional.empty();
    }

    private static final String DUMMY = PasswordHash.hash("not a password".toCharArray());
}
