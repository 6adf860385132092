// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One answer of {@code getRecordings}: the recordings and, where the server pages (BigBlueButton
 * 2.6 and later, when {@code offset} or {@code limit} was sent), the paging information. Scalelite
 * does not page and returns everything at once. Immutable; built by the client from the answer, or
 * by {@link RecordingsPage#builder()} in integrators' tests: an unpaged answer sets none of
 * {@code offset}, {@code limit} and {@code totalElements}, a paged one all three.
 */
@Value.Immutable
@ValueType
abstract class AbstractRecordingsPage {
    /** {@return the recordings of this page ({@code recordings/recording}), in the server's order; empty for {@code noRecordings}} */
    public abstract List<Recording> recordings();

    /** {@return the offset of this page ({@code pagination/pageable/offset}); absent if not paged} */
    public abstract OptionalLong offset();

    /** {@return the page size the server applied ({@code pagination/pageable/limit}); absent if not paged} */
    public abstract OptionalLong limit();

    /** {@return how many recordings match in total ({@code pagination/totalElements}); absent if not paged} */
    public abstract OptionalLong totalElements();

    /** {@return whether the server paged the answer, i.e. sent {@code pagination}} */
    public boolean isPaged() {
        return totalElements().isPresent();
    }

    /** {@return whether more pages follow: paged, this page not empty, and its offset plus its size below the total} */
    public boolean hasMore() {
        return isPaged() && !recordings().isEmpty()
                && offset().getAsLong() + recordings().size() < totalElements().getAsLong();
    }

    @Value.Check
    void check() {
        if (offset().isPresent() != isPaged() || limit().isPresent() != isPaged()) {
            throw new IllegalArgumentException(
                    "offset, limit and totalElements: set all three (a paged answer) or none (an unpaged one)");
        }
    }
}
