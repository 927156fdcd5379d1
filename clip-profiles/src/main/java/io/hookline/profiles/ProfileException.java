package io.hookline.profiles;

import java.util.List;
import java.util.stream.Collectors;

/** The profile set is not usable; {@link #problems()} lists everything that is wrong, not just the first. */
public class ProfileException extends Exception {

    private final List<Problem> problems;

    public ProfileException(String source, List<Problem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order and then by position. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(String source, List<Problem> problems) {
        return problems.stream()
                .map(Problem::toString)
                .collect(Collectors.joining("\n", "invalid clip profiles in " + source + ":\n", ""));
    }
}
