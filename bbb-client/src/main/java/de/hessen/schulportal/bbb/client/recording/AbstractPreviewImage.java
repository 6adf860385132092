// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A thumbnail of a playback format ({@code preview/images/image} of {@code getRecordings}). Immutable;
 * built by the client from the answer, or by {@link PreviewImage#builder()} in integrators' tests,
 * where every field not set is empty or absent. {@code toString()} leaves out the alternative text, a
 * slide's title, which can name people.
 */
@Value.Immutable
@ValueType
abstract class AbstractPreviewImage {
    /** {@return the image URL (the element's text); empty if not sent} */
    @Value.Default
    public String url() {
        return "";
    }

    /** {@return the width in pixels ({@code width} attribute); absent if not sent or not a number} */
    public abstract OptionalInt width();

    /** {@return the height in pixels ({@code height} attribute); absent if not sent or not a number} */
    public abstract OptionalInt height();

    /** {@return the alternative text, the slide's title ({@code alt} attribute); empty if not sent; not in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String alt() {
        return "";
    }
}
