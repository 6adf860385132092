// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

/**
 * The layout a meeting starts with ({@code meetingLayout} on create, {@code enforceLayout} and
 * {@code defaultLayout} on join). The server does not validate these names; the constant's name is
 * what is sent.
 */
public enum MeetingLayout {
    /** Free arrangement; the server's default in many installations. */
    CUSTOM_LAYOUT,
    /** Arranges cameras and presentation automatically. */
    SMART_LAYOUT,
    /** The presentation large, cameras small. */
    PRESENTATION_FOCUS,
    /** Cameras large, presentation small. */
    VIDEO_FOCUS,
    /** Only cameras (3.0). */
    CAMERAS_ONLY,
    /** Only the presentation (3.0). */
    PRESENTATION_ONLY,
    /** Only participants list and chat (3.0). */
    PARTICIPANTS_AND_CHAT_ONLY,
    /** Only media (3.0). */
    MEDIA_ONLY,
    /** Only what client plugins show (since BigBlueButton 3.0, known to its html5 client). */
    PLUGINS_ONLY
}
