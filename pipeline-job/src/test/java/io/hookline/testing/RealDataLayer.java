package io.hookline.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that reads only the real samples ({@link RealData}). The build runs these where ../shared/realdata
 * exists (the pom's realdata profile) and leaves them out elsewhere; the fixture tests beside them run everywhere.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("realdata")
public @interface RealDataLayer {}
