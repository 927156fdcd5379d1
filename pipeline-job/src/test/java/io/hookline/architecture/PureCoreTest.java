package io.hookline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scoring and planning (and the vocabulary and profiles they read), the importers, the clock mapping and the
 * publishing (engine, ledger, publishers) are plain Java: no Flink, FFmpeg or AWS, so the CLI and the tests run them without a cluster or media.
 */
class PureCoreTest {
    private static final String[] EDGES = {"org.apache.flink..", "org.bytedeco..", "software.amazon.."};
    /** The edges of our own code, through which the core would reach the same libraries. */
    private static final String[] OWN_EDGES = {
        "io.hookline.job..",
        "io.hookline.render..",
        "io.hookline.storage..",
        "io.hookline.cli..",
        "io.hookline.ingest.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hookline");
    }

    // One package per case, so an empty (mistyped or moved) package fails instead of passing unchecked.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "io.hookline.scoring", "io.hookline.planning", "io.hookline.vocabulary", "io.hookline.profiles",
                "io.hookline.ingest.sync", "io.hookline.ingest.importers", "io.hookline.publish.ledger",
                        "io.hookline.publish"
            })
    void coreDoesNotUseFlinkJavaCvOrAws(String pkg) {
        pureRule(pkg).check(classes);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "io.hookline.scoring",
                "io.hookline.planning",
                "io.hookline.vocabulary",
                "io.hookline.profiles",
                "io.hookline.publish.ledger",
                "io.hookline.publish"
            })
    void coreDoesNotReachIntoTheEdgesOfTheJob(String pkg) {
        noClasses()
                .that()
                .resideInAPackage(pkg + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(OWN_EDGES)
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void storesDoNotUseFlink() {
        // The S3 and local stores are plain clients; the Flink sinks that use them live in the job package.
        noClasses()
                .that()
                .resideInAPackage("io.hookline.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.flink..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void liveVideoSourcesLeaveNativeMediaToTheRenderer() {
        // Anything that touches FFmpeg stays in render/media; live sources only hand it local files.
        noClasses()
                .that()
                .resideInAPackage("io.hookline.ingest.video..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.bytedeco..", "io.hookline.render..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theConsoleLeavesJobsAndMediaToTheCli() {
        // The console shows files and the ledger; it runs a match or a preview only through the CLI's commands.
        noClasses()
                .that()
                .resideInAPackage("io.hookline.console..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.flink..",
                        "org.bytedeco..",
                        "io.hookline.job..",
                        "io.hookline.render..",
                        "io.hookline.cli..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theRuleCatchesAPackageThatUsesFlink() {
        // The job's operators use Flink, so the same rule must report them.
        assertThatThrownBy(() -> pureRule("io.hookline.job").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.hookline.job.ScoreEvents")
                .hasMessageContaining("org.apache.flink.");
    }

    @Test
    void theRuleFailsWhenItFindsNothingToCheck() {
        assertThatThrownBy(() -> pureRule("io.hookline.nosuchpackage").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    private static ArchRule pureRule(String pkg) {
        return noClasses()
                .that()
                .resideInAPackage(pkg + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(EDGES)
                .allowEmptyShould(false)
                .because("the core is plain Java; Flink operators only hold state and call it");
    }
}
