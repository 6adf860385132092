// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Marks a package-private {@code AbstractX} declaration whose public, final, immutable class
 * {@code X} is generated at compile time: accessors, builder, {@code equals}, {@code hashCode},
 * {@code toString}. The declaration is the one place a value's fields and their Javadoc live;
 * see docs/values.md for the rules every value follows.
 *
 * <p>Why these settings: the generated class carries the public name ({@code typeImmutable "*"})
 * because integrators use today's names; {@code is*} accessors give builder setters without the
 * prefix ({@code isRunning()} is set by {@code running(boolean)}); no {@code with*} copies (values
 * are snapshots of an answer); no annotation of the processor's on the generated code, so nothing
 * of it is needed at run time; {@code @Value.Redacted} attributes are masked in {@code toString}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        typeAbstract = "Abstract*",
        typeImmutable = "*",
        visibility = Value.Style.ImplementationVisibility.PUBLIC,
        builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
        get = {"is*"},
        jdkOnly = true,
        allowedClasspathAnnotations = {Override.class},
        redactedMask = Redactor.MASK,
        defaults = @Value.Immutable(copy = false))
public @interface ValueType {
}
