// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.Map;
import java.util.Objects;

/**
 * What the request of a call about one meeting holds: its meeting ID and its query parameters
 * ({@code meetingID} first, then any {@code additionalParam}). The public request types of the calls
 * that name one meeting and nothing else ({@link GetMeetingInfoRequest},
 * {@link IsMeetingRunningRequest}, {@link EndMeetingRequest}) extend it and add their documentation
 * and their builder; {@link InsertDocumentRequest} adds its documents. Two requests are equal when
 * they are of the same type and send the same parameters (and what a subclass adds).
 */
abstract class OneMeetingRequest {
    private final String meetingId;
    private final Map<String, String> parameters;

    OneMeetingRequest(String meetingId, Parameters parameters) {
        Validation.meetingId("meetingID", meetingId);
        this.meetingId = meetingId;
        this.parameters = parameters.build();
    }

    /** The parameters of a builder: {@code meetingID} takes its place first; its value is checked at build. */
    static Parameters parametersOf(String meetingId) {
        Parameters parameters = new Parameters();
        parameters.put("meetingID", meetingId);
        return parameters;
    }

    /**
     * The external meeting ID.
     *
     * @return the meeting ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * Every query parameter exactly as it will be sent (before encoding and signing), in wire order.
     *
     * @return an unmodifiable map from parameter name to value
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OneMeetingRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{meetingId=" + meetingId + ", parameters=" + parameters.keySet() + '}';
    }
}
