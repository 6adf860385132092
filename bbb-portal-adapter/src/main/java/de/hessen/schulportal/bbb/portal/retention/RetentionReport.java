// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.retention;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a retention run or a room erasure found and did, one {@link Entry} per recording: the
 * school's and the room's pseudonyms, the kind, the age, the period, the action and its result.
 * Nothing in it identifies a person, a school or a room without the pseudonym key.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetentionReport {
    /** How the report was made. */
    public enum Mode {
        /** Decided, nothing deleted ({@link RecordingRetention#plan}). */
        DRY_RUN,
        /** Decided and deleted ({@link RecordingRetention#apply}). */
        APPLY,
        /** Every recording of one room deleted ({@link RecordingRetention#eraseRoom}). */
        ERASE
    }

    /** What is to be done with a recording. */
    public enum Action {
        /** Past its period (or erased): delete. */
        DELETE,
        /** Within its period, or still being processed: keep. */
        KEEP
    }

    /** What happened to a recording. */
    public enum Result {
        /** A dry run: nothing was done. */
        PLANNED,
        /** Kept. */
        KEPT,
        /** Deleted by this run. */
        DELETED,
        /** Already gone when this run tried (another run, or an operator, deleted it first). */
        ALREADY_GONE,
        /** The delete failed; the next run tries again. See {@link Entry#note()}. */
        FAILED
    }

    private final Mode mode;
    private final List<Entry> entries;

    RetentionReport(Mode mode, List<Entry> entries) {
        this.mode = mode;
        this.entries = List.copyOf(entries);
    }

    /**
     * How the report was made.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * One entry per recording found, in the order found.
     *
     * @return an unmodifiable list
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * How many entries have a result.
     *
     * @param result the result
     * @return the count
     */
    public long count(Result result) {
        return entries.stream().filter(e -> e.result == result).count();
    }

    /**
     * The plan or outcome as a fixed-width table, one line per recording, for a terminal or a log.
     *
     * @return the text, ending with a summary line
     */
    public String toText() {
        StringBuilder sb = new StringBuilder(128 + entries.size() * 120);
        sb.append(String.format(Locale.ROOT, "%-8s %-29s %-29s %-13s %-9s %-9s %-6s %s%n", "mode", "school", "room",
                "kind", "age", "period", "action", "result"));
        for (Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "%-8s %-29s %-29s %-13s %-9s %-9s %-6s %s%s%n",
                    mode.name().toLowerCase(Locale.ROOT).replace('_', '-'), e.school, e.meetingId, e.kind,
                    e.age == null ? "-" : days(e.age), e.period == null ? "-" : days(e.period),
                    e.action.name().toLowerCase(Locale.ROOT), e.result.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    e.note.isEmpty() ? "" : " (" + e.note + ")"));
        }
        sb.append(String.format(Locale.ROOT, "%d recordings: %d to delete, %d deleted, %d already gone, %d failed, %d kept%n",
                entries.size(), entries.stream().filter(e -> e.action == Action.DELETE).count(), count(Result.DELETED),
                count(Result.ALREADY_GONE), count(Result.FAILED),
                entries.stream().filter(e -> e.action == Action.KEEP).count()));
        return sb.toString();
    }

    /** Whole days and hours, e.g. {@code 31d4h}; {@code 0d} for zero. */
    static String days(Duration d) {
        long hours = d.toHours();
        return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionReport && ((RetentionReport) o).mode == mode && ((RetentionReport) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, entries);
    }

    @Override
    public String toString() {
        return "RetentionReport{" + mode + ", entries=" + entries.size() + ", deleted=" + count(Result.DELETED) + '}';
    }

    /** One recording: where it belongs, how old it is, what is done with it. Immutable. */
    public static final class Entry {
        private final String school;
        private final String meetingId;
        private final String recordId;
        private final String kind;
        private final Duration age;
        private final Duration period;
        private final Action action;
        private final Result result;
        private final String note;

        Entry(String school, String meetingId, String recordId, String kind, Duration age, Duration period, Action action,
                Result result, String note) {
            this.school = school;
            this.meetingId = meetingId;
            this.recordId = recordId;
            this.kind = kind;
            this.age = age;
            this.period = period;
            this.action = action;
            this.result = result;
            this.note = note;
        }

        Entry withResult(Result value, String why) {
            return new Entry(school, meetingId, recordId, kind, age, period, action, value, why);
        }

        /**
         * The school's pseudonym from the recording's metadata, or {@code -} if it has none.
         *
         * @return the pseudonym
         */
        public String school() {
            return school;
        }

        /**
         * The recording's meeting ID: the room's pseudonym.
         *
         * @return the meeting ID
         */
        public String meetingId() {
            return meetingId;
        }

        /**
         * The recording's ID.
         *
         * @return the record ID
         */
        public String recordId() {
            return recordId;
        }

        /**
         * The room kind from the recording's metadata ({@code room-kind}), or {@code -}.
         *
         * @return the kind's wire value
         */
        public String kind() {
            return kind;
        }

        /**
         * The time since the recording ended (since it started, if the server gave no end).
         *
         * @return the age; empty if the server gave neither time
         */
        public Optional<Duration> age() {
            return Optional.ofNullable(age);
        }

        /**
         * The retention period that applied; empty for an erasure.
         *
         * @return the period
         */
        public Optional<Duration> period() {
            return Optional.ofNullable(period);
        }

        /**
         * What is to be done.
         *
         * @return the action
         */
        public Action action() {
            return action;
        }

        /**
         * What happened.
         *
         * @return the result
         */
        public Result result() {
            return result;
        }

        /**
         * Why it was kept or failed ({@code processing}, {@code no-time}, an error's class), or empty.
         *
         * @return the note
         */
        public String note() {
            return note;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Entry)) {
                return false;
            }
            Entry e = (Entry) o;
            return e.school.equals(school) && e.meetingId.equals(meetingId) && e.recordId.equals(recordId)
                    && e.kind.equals(kind) && Objects.equals(e.age, age) && Objects.equals(e.period, period)
                    && e.action == action && e.result == result && e.note.equals(note);
        }

        @Override
        public int hashCode() {
            return Objects.hash(school, meetingId, recordId, kind, age, period, action, result, note);
        }

        @Override
        public String toString() {
            return "Entry{" + meetingId + ", recordId=" + recordId + ", kind=" + kind + ", age=" + age + ", period="
                    + period + ", " + action + ", " + result + (note.isEmpty() ? "" : ", " + note) + '}';
        }
    }
}
