// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One decision a data-protection officer may have to account for, with pseudonyms only: a join
 * allowed, sent to the lobby or refused (with the reason's key), a recording deleted by retention
 * or erasure, a callback refused.
 *
 * <p><b>The shape is the privacy guarantee.</b> An event is a name ({@code join-refused}) and
 * ordered fields whose keys and values are short machine values ({@code [A-Za-z0-9._:-]}, values
 * at most 128 characters): no spaces, no {@code @}, no free text. A display name, an e-mail
 * address or a sentence cannot be put into an event; what the adapter puts in is pseudonymous
 * (meeting, user and school pseudonyms of {@code Pseudonyms}, room kinds, school roles, reason
 * keys). The same shape is written by the adapter, the retention job and the gateway, so one
 * parser reads the whole trail: {@link #toLine()} renders
 * {@code event=join-refused school=sc-… meeting=sp-… kind=lesson role=student reason=no-relation}.
 *
 * <pre>{@code
 * AuditEvent e = AuditEvent.builder(AuditEvent.JOIN_REFUSED, clock.instant())
 *         .field("meeting", meetingId).field("reason", "no-relation").build();
 * auditLog.info(e.toLine());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditEvent {
    /** A person was given a join link without the lobby. */
    public static final String JOIN_ALLOWED = "join-allowed";
    /** A person was given a join link through the lobby (a moderator lets them in). */
    public static final String JOIN_LOBBY = "join-lobby";
    /** A person may join, but the meeting has not started: they were told to wait. */
    public static final String JOIN_WAITING = "join-waiting";
    /** A person was refused; the field {@code reason} holds the reason's key. */
    public static final String JOIN_REFUSED = "join-refused";
    /** A recording was deleted because its retention period had passed. */
    public static final String RECORDING_DELETED = "recording-deleted";
    /** A recording was deleted because its room was erased. */
    public static final String RECORDING_ERASED = "recording-erased";
    /** A callback (recording ready, meeting ended, webhook) was refused. */
    public static final String CALLBACK_REFUSED = "callback-refused";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final String name;
    private final Instant time;
    private final Map<String, String> fields;

    private AuditEvent(Builder b) {
        this.name = b.name;
        this.time = b.time;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
    }

    /**
     * Starts an event.
     *
     * @param name the event's name, {@code [a-z][a-z0-9-]*}, e.g. {@link #JOIN_REFUSED}
     * @param time when the decision was made
     * @return a new builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name breaks the rule
     */
    public static Builder builder(String name, Instant time) {
        return new Builder(name, time);
    }

    /**
     * The event's name, e.g. {@link #JOIN_ALLOWED}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * When the decision was made.
     *
     * @return the instant
     */
    public Instant time() {
        return time;
    }

    /**
     * The fields in the order they were added.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * One field.
     *
     * @param key the key
     * @return its value, if the event has it
     */
    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /**
     * The event as one log line: {@code event=<name>} then {@code key=value} for every field, in
     * order, separated by single spaces. The time is not part of the line (the logger stamps it).
     *
     * @return the line
     */
    public String toLine() {
        StringBuilder sb = new StringBuilder(32 + fields.size() * 40).append("event=").append(name);
        fields.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AuditEvent)) {
            return false;
        }
        AuditEvent e = (AuditEvent) o;
        return e.name.equals(name) && e.time.equals(time) && e.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, time, fields);
    }

    @Override
    public String toString() {
        return "AuditEvent{" + toLine() + ", time=" + time + '}';
    }

    /**
     * Builds an {@link AuditEvent}. Each {@code field} returns this builder and replaces a field of the
     * same key; a {@code null} key or value throws {@link NullPointerException}, and a key or value
     * breaking the rules below throws {@link IllegalArgumentException} at once. Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private final Instant time;
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Builder(String name, Instant time) {
            Objects.requireNonNull(name, "name");
            this.time = Objects.requireNonNull(time, "time");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("audit event name must match [a-z][a-z0-9-]{0,63}, was '" + name + "'");
            }
            this.name = name;
        }

        /**
         * Adds a field (or replaces one with the same key, keeping its place).
         *
         * @param key {@code [a-z][A-Za-z0-9]*}, at most 32 characters; not {@code event}
         * @param value a machine value {@code [A-Za-z0-9._:-]}, 1 to 128 characters: a pseudonym, a
         *              key, a number, never a name or free text
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException naming the key and the rule it breaks (the value is not
         *                                  repeated in the message: it may be what must not leak)
         */
        public Builder field(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value of audit field '" + key + "'");
            if (!KEY.matcher(key).matches() || "event".equals(key)) {
                throw new IllegalArgumentException("audit field key must match [a-z][A-Za-z0-9]{0,31} and not be 'event'");
            }
            if (!VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("value of audit field '" + key
                        + "' must be a machine value [A-Za-z0-9._:-]{1,128}: pseudonyms and keys only, no names or free text");
            }
            fields.put(key, value);
            return this;
        }

        /**
         * Adds a number field.
         *
         * @param key as in {@link #field(String, String)}
         * @param value the number
         */
        public Builder field(String key, long value) {
            return field(key, Long.toString(value));
        }

        /**
         * Adds a flag field.
         *
         * @param key as in {@link #field(String, String)}
         * @param value the flag
         */
        public Builder field(String key, boolean value) {
            return field(key, Boolean.toString(value));
        }

        /**
         * Builds the event.
         *
         * @return the event
         */
        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }
}
