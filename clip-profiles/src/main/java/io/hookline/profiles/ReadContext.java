package io.hookline.profiles;

import io.hookline.profiles.YamlNode.Location;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What the readers of one rendition, template or file share: where problems go, where the settings read are
 * traced for {@code explain}, and which nodes were inherited from a base, so that a problem found in one can
 * say which heir it concerns.
 */
final class ReadContext {

    private final Problems problems;
    private final List<Setting> trace;
    private final String heir;
    private final Set<YamlNode> inherited;

    private ReadContext(Problems problems, List<Setting> trace, String heir, Set<YamlNode> inherited) {
        this.problems = problems;
        this.trace = trace;
        this.heir = heir;
        this.inherited = inherited;
    }

    /** For a document read as written. */
    static ReadContext of(Problems problems, List<Setting> trace) {
        return new ReadContext(problems, trace, null, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** For heir's merged declaration, in which the nodes in inherited (compared by identity) came from its bases. */
    ReadContext inheriting(String heir, Set<YamlNode> inherited) {
        return new ReadContext(problems, trace, heir, inherited);
    }

    /** A problem with node (or at it, such as a key missing from a map). */
    void problem(YamlNode node, String message) {
        Problem problem = Problem.at(node.location(), message);
        if (inherited.contains(node)) {
            problems.addInherited(problem, heir);
        } else {
            problems.add(problem);
        }
    }

    void problem(Location at, String message) {
        problems.add(Problem.at(at, message));
    }

    void record(Setting setting) {
        trace.add(setting);
    }
}
