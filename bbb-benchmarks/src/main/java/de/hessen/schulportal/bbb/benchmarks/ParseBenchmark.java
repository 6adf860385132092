// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BenchmarkMapping;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 2: reading {@code getMeetings} (50 meetings × 30 attendees) and {@code getRecordings}
 * (200 recordings). Three views of the same bytes:
 * <ul>
 *   <li>{@code stax*}: one plain StAX pass (Woodstox, the parser the SDK uses, same hardening) that
 *       reads every element name and every text: the floor any mapper must pay;</li>
 *   <li>{@code sdkMap*}: the SDK's envelope check, parse and mapping to {@code MeetingInfo} /
 *       {@code RecordingsPage}, entered through {@code BenchmarkMapping} (a class of this module
 *       in the client's package, reachable on the class path) because the public API only parses
 *       what arrives over HTTP;</li>
 *   <li>{@code sdkCall*}: the public {@code getMeetings()} / {@code getRecordings()} against a
 *       loopback server that returns the same fixed bytes.</li>
 * </ul>
 * The {@code bytes} counter turns throughput into bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark extends ShortRun {
    private byte[] meetings;
    private byte[] recordings;
    private XMLInputFactory stax;
    private FixedAnswerServer server;
    private BbbClient client;

    /** Counts the bytes read, reported by JMH as bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        meetings = ResponseFixtures.getMeetingsXml();
        recordings = ResponseFixtures.getRecordingsXml();
        stax = StaxPass.factory();
        server = new FixedAnswerServer(Map.of("getMeetings", meetings, "getRecordings", recordings));
        client = BbbClient.builder().baseUrl(server.baseUrl()).secret(Workload.SECRET).build();
    }

    @TearDown
    public void tearDown() {
        client.close();
        server.close();
    }

    /** @return the size of the getMeetings fixture */
    public int meetingsSize() {
        return meetings.length;
    }

    @Benchmark
    public long staxGetMeetings(Bytes counter) throws XMLStreamException {
        counter.bytes += meetings.length;
        return StaxPass.run(stax, meetings);
    }

    @Benchmark
    public List<MeetingInfo> sdkMapGetMeetings(Bytes counter) {
        counter.bytes += meetings.length;
        return BenchmarkMapping.meetings(meetings);
    }

    @Benchmark
    public List<MeetingInfo> sdkCallGetMeetings(Bytes counter) {
        counter.bytes += meetings.length;
        return client.getMeetings();
    }

    @Benchmark
    public long staxGetRecordings(Bytes counter) throws XMLStreamException {
        counter.bytes += recordings.length;
        return StaxPass.run(stax, recordings);
    }

    @Benchmark
    public RecordingsPage sdkMapGetRecordings(Bytes counter) {
        counter.bytes += recordings.length;
        return BenchmarkMapping.recordings(recordings);
    }

    @Benchmark
    public RecordingsPage sdkCallGetRecordings(Bytes counter) {
        counter.bytes += recordings.length;
        return client.getRecordings(GetRecordingsRequest.builder().build());
    }

    /** The plain StAX pass. */
    public static final class StaxPass {
        private StaxPass() {
        }

        /** @return Woodstox with the SDK's hardening (no DTD, no entities) */
        public static XMLInputFactory factory() {
            XMLInputFactory f;
            try {
                f = (XMLInputFactory) Class.forName("com.ctc.wstx.stax.WstxInputFactory").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                f = XMLInputFactory.newFactory();
            }
            f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
            f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
            f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
            return f;
        }

        /**
         * Reads every event, every element name and every text as a string.
         *
         * @param factory the factory
         * @param xml the document
         * @return a checksum of what was read, so nothing is optimised away
         * @throws XMLStreamException if the XML is broken
         */
        public static long run(XMLInputFactory factory, byte[] xml) throws XMLStreamException {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            long h = 0;
            try {
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        h += r.getLocalName().hashCode();
                    } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                        h += r.getText().length();
                    }
                }
            } finally {
                r.close();
            }
            return h;
        }
    }
}
