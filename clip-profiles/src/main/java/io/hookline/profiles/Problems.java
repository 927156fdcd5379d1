package io.hookline.profiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the problems of one load. A value a rendition inherits is checked again as part of that rendition;
 * if it is wrong on its own, its base reports it and the heirs stay quiet, and if it is only wrong for an heir
 * (a safe zone too big for the heir's frame), the report names the heirs.
 */
final class Problems {

    private final List<Problem> found = new ArrayList<>();
    private final Map<Problem, Set<String>> inherited = new LinkedHashMap<>();

    void add(Problem problem) {
        found.add(problem);
    }

    void addAll(List<Problem> problems) {
        found.addAll(problems);
    }

    void addInherited(Problem problem, String heir) {
        inherited.computeIfAbsent(problem, p -> new LinkedHashSet<>()).add(heir);
    }

    boolean isEmpty() {
        return found.isEmpty() && inherited.isEmpty();
    }

    /** Each problem once, by file in the given order and then by position. */
    List<Problem> sorted(List<String> fileOrder) {
        Set<Problem> all = new LinkedHashSet<>(found);
        inherited.forEach((problem, heirs) -> {
            if (!all.contains(problem)) {
                all.add(new Problem(
                        problem.file(),
                        problem.line(),
                        problem.column(),
                        problem.message() + " (inherited by '" + String.join("', '", heirs) + "')"));
            }
        });
        return all.stream()
                .sorted(Comparator.<Problem>comparingInt(p -> fileOrder.indexOf(p.file()))
                        .thenComparingInt(Problem::line)
                        .thenComparingInt(Problem::column))
                .toList();
    }
}
