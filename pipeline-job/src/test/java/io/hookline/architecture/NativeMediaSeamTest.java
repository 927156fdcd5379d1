package io.hookline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FFmpeg's native types (frames, packets, JavaCPP pointers, JavaCV's recorders) stay inside render/media, which
 * hands out its own types ({@code Picture}, {@code EncodedStream}, ...): who owns and frees native memory is then
 * decided in one package.
 */
class NativeMediaSeamTest {
    static final String MEDIA = "io.hookline.render.media..";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hookline");
    }

    @Test
    void onlyRenderMediaUsesFfmpegsNativeTypes() {
        nativeTypesRule(noClasses().that().resideOutsideOfPackage(MEDIA)).check(classes);
    }

    @Test
    void theRuleReportsAClassThatUsesANativeFrame() {
        // render/media itself holds AVFrames, so the same condition must name it.
        assertThatThrownBy(() -> nativeTypesRule(noClasses().that().resideInAPackage(MEDIA))
                        .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.hookline.render.media.Picture")
                .hasMessageContaining("org.bytedeco.ffmpeg.avutil.AVFrame");
    }

    private static ArchRule nativeTypesRule(GivenClassesConjunction classes) {
        return classes.should()
                .dependOnClassesThat()
                .resideInAPackage("org.bytedeco..")
                .allowEmptyShould(false)
                .because("native FFmpeg types stay inside render/media, which hands out owned types instead");
    }
}
