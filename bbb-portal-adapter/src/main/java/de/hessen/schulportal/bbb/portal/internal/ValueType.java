// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Marks a package-private {@code AbstractX} declaration whose public, final, immutable class
 * {@code X} is generated at compile time: accessors, builder, {@code equals}, {@code hashCode},
 * {@code toString}. The same style as bbb-client's values (its docs/values.md gives the rules);
 * the client's annotation is in its {@code internal} package, which the client does not export,
 * so the adapter declares its own.
 *
 * <p>Why these settings: the generated class carries the public name ({@code typeImmutable "*"});
 * {@code is*} accessors give builder setters without the prefix ({@code isRunning()} is set by
 * {@code running(boolean)}); no {@code with*} copies (values are snapshots); no annotation of the
 * processor's on the generated code, so nothing of it is needed at run time; {@code @Value.Redacted}
 * attributes are masked in {@code toString}.
 *
 * <p>A declaration that sets attributes of its own {@code @Value.Immutable} (e.g. {@code builder =
 * false}) replaces these defaults, so it repeats {@code copy = false}.
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
        redactedMask = "****",
        defaults = @Value.Immutable(copy = false))
public @interface ValueType {
}
