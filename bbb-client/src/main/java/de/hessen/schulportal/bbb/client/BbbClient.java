// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.internal.ClientThreads;
import de.hessen.schulportal.bbb.client.internal.CustomTransport;
import de.hessen.schulportal.bbb.client.internal.HttpCall;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.internal.Transport;
import de.hessen.schulportal.bbb.client.internal.JdkTransport;
import de.hessen.schulportal.bbb.client.internal.RetryPolicy;
import de.hessen.schulportal.bbb.client.internal.Redactor;
import de.hessen.schulportal.bbb.client.internal.RetryingTransport;
import de.hessen.schulportal.bbb.client.internal.Sleeper;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.hook.DestroyHookRequest;
import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.meeting.EndMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GetMeetingInfoRequest;
import de.hessen.schulportal.bbb.client.meeting.InsertDocumentRequest;
import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import de.hessen.schulportal.bbb.client.recording.DeleteRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingTextTracksRequest;
import de.hessen.schulportal.bbb.client.recording.PublishRecordingsRequest;
import de.hessen.schulportal.bbb.client.hook.Hook;
import de.hessen.schulportal.bbb.client.hook.HookRegistration;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest;
import de.hessen.schulportal.bbb.client.recording.Recording;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.client.recording.TextTrack;
import de.hessen.schulportal.bbb.client.recording.UpdateRecordingsRequest;
import de.hessen.schulportal.bbb.client.transport.HttpTransport;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The BigBlueButton API client: typed, signed calls to one BigBlueButton server or one
 * Scalelite/B3LB tenant.
 *
 * <pre>{@code
 * BbbClient bbb = BbbClient.builder()
 *         .baseUrl("https://bbb.example.org/bigbluebutton/")
 *         .secret(System.getenv("BBB_SECRET"))
 *         .build();
 * CreateMeetingResponse created = bbb.create(CreateMeetingRequest.builder("7b-mathe", "Klasse 7b – Mathematik").build());
 * SignedUrl link = bbb.joinUrl(JoinMeetingRequest.builder("7b-mathe", "Frau Schmidt", Role.MODERATOR)
 *         .createTime(created.createTime()).build());
 * }</pre>
 *
 * <p><b>Thread-safety and lifetime.</b> Immutable and thread-safe: build one per server and share
 * it. Derive variants with {@link #toBuilder()}. A client that creates its own HTTP client uses a
 * small fixed number of threads for HTTP, however many async calls are in flight. Callbacks on
 * async results run on a separate, equally small callback pool, so the number of threads does not
 * grow with the calls in flight either; see {@link BbbAsyncClient} for what callbacks may block on.
 * {@link #close()} releases the HTTP client if the SDK created it; a client passed to
 * {@link Builder#httpClient(HttpClient)}, like a transport passed to
 * {@link Builder#transport(HttpTransport)}, belongs to the caller.
 *
 * <p><b>Errors.</b> Every call throws unchecked exceptions: {@link BbbApiException} (and its
 * subclasses per {@code messageKey}) when the server answers {@code FAILED};
 * {@link BbbTransportException} when there is no answer; {@link BbbResponseException} when the
 * answer is not a BigBlueButton envelope. Messages never contain the secret, a checksum or a
 * join URL. A call's own {@code @throws} name only the exceptions particular to it. Errors are
 * read per call family: a recording call's {@code notFound} is a plain {@link BbbApiException}, not
 * a {@link MeetingNotFoundException}.
 *
 * <p><b>Shortcuts.</b> A method taking IDs instead of a request builds the request from them with
 * the request's builder, so an invalid argument throws {@link NullPointerException} or
 * {@link IllegalArgumentException} as that builder does; otherwise it has the contract of the
 * method taking the request.
 *
 * <p><b>Retries.</b> Idempotent calls ({@code getMeetingInfo}, {@code isMeetingRunning},
 * {@code getMeetings}, {@code getRecordings}, {@code create} without passwords, ...) are retried up
 * to {@link Builder#maxRetries(int)} times on connection failures, timeouts and HTTP
 * 429/502/503/504, with jittered exponential backoff and {@code Retry-After}.
 */
public final class BbbClient implements AutoCloseable {
    private final Builder settings;
    private final ClientConfig config;
    private final ApiExecutor executor;
    private final BbbAsyncClient async;
    private final Calls calls;
    private final ConnectionProbe probe;
    private final Object connectionLock = new Object();
    private volatile Connection connection;
    private boolean closed;

    private BbbClient(Builder b) {
        this.settings = b.copy();
        this.config = new ClientConfig(ClientConfig.apiBase(b.baseUrl), b.secret, b.algorithm, b.hooksAlgorithm,
                b.connectTimeout, b.requestTimeout, b.maxResponseBytes);
        // The HTTP client and the threads are created with the first call, not here: signing a join
        // URL needs neither, and creating the JDK client loads its TLS stack (BENCHMARKS.md, cold start).
        Transport transport = new Transport() {
            @Override
            public RawResponse send(HttpCall call) {
                return connection().transport.send(call);
            }

            @Override
            public CompletableFuture<RawResponse> sendAsync(HttpCall call) {
                return connection().transport.sendAsync(call);
            }
        };
        // An anonymous class, not a lambda: the first lambda of a JVM costs the cold start of a
        // process that only signs URLs tens of milliseconds (BENCHMARKS.md, cold start).
        Executor completion = new Executor() {
            @Override
            public void execute(Runnable task) {
                complete(task);
            }
        };
        this.executor = new ApiExecutor(config, transport, completion, b.eventListener);
        this.calls = new Calls(config);
        this.probe = new ConnectionProbe(calls, executor);
        this.async = new BbbAsyncClient(calls, executor, probe);
    }

    /** The HTTP client, its threads and the transport stack of a client, once it makes calls. */
    private static final class Connection {
        final HttpClient httpClient;
        final boolean ownsHttpClient;
        final ExecutorService httpThreads;
        final ExecutorService completionThreads;
        final Transport transport;

        Connection(Builder b) {
            this.ownsHttpClient = b.httpClient == null;
            this.httpThreads = ownsHttpClient ? ClientThreads.httpPool() : null;
            this.completionThreads = ClientThreads.completionPool();
            this.httpClient = ownsHttpClient
                    ? HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(b.connectTimeout)
                            .executor(httpThreads)
                            .build()
                    : b.httpClient;
            RetryPolicy policy = new RetryPolicy(b.maxRetries, b.initialBackoff, b.maxBackoff, b.maxRetryAfter);
            Clock clock = b.clock;
            String userAgent = b.userAgent != null ? b.userAgent : "bbb-java-sdk/" + SdkVersion.VERSION;
            Transport jdk = new JdkTransport(httpClient, b.requestTimeout, b.maxResponseBytes, userAgent);
            Transport bottom = b.transport == null ? jdk : new CustomTransport(
                    new TransportAdapter(b.transport, userAgent, b.requestTimeout, b.maxResponseBytes), jdk,
                    b.requestTimeout, b.maxResponseBytes);
            this.transport = new RetryingTransport(bottom, policy, b.sleeper, () -> ZonedDateTime.now(clock));
        }

        void close() {
            if (ownsHttpClient && httpClient instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) httpClient).close();
                } catch (Exception e) {
                    // Closing only releases resources; a failure leaves the caller nothing to do.
                }
            }
            if (ownsHttpClient) {
                httpThreads.shutdown();
            }
            completionThreads.shutdown();
        }
    }

    /**
     * Runs a completion of an async result on the callback pool. A completion without a connection
     * belongs to a call that failed before sending (the client was closed first): it runs here.
     */
    private void complete(Runnable task) {
        Connection c = connection;
        if (c == null) {
            task.run();
        } else {
            c.completionThreads.execute(task);
        }
    }

    private Connection connection() {
        Connection c = connection;
        if (c == null) {
            synchronized (connectionLock) {
                c = connection;
                if (c == null) {
                    if (closed) {
                        throw new IllegalStateException("This BbbClient was closed; build a new one");
                    }
                    c = new Connection(settings);
                    connection = c;
                }
            }
        }
        return c;
    }

    /**
     * {@return a new builder with the defaults: SHA-256, connect timeout 5 s, request timeout 15 s, 2
     * retries, responses up to 16 MiB}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a new builder with this client's settings, to derive a variant (another secret,
     * timeout, ...)} The variant gets its own HTTP client unless one was set on this client's builder.
     */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * {@return the asynchronous view of this client} It shares configuration and connections; each
     * call returns at once with a {@link java.util.concurrent.CompletableFuture} that completes with
     * the result or with one of the SDK's exceptions.
     */
    public BbbAsyncClient async() {
        return async;
    }

    /** {@return the API base URL this client calls, normalised to end in {@code /api/}} */
    public String apiBaseUrl() {
        return config.apiBase();
    }

    /**
     * Creates a meeting, or returns the running one with the same ID ({@code duplicateWarning},
     * see {@link CreateMeetingResponse#isDuplicate()}). With documents or a client settings
     * override the call is a POST with an XML body.
     *
     * @param request the request
     * @return the created (or existing) meeting
     * @throws IdNotUniqueException if a meeting with that ID runs with other passwords
     */
    public CreateMeetingResponse create(CreateMeetingRequest request) {
        return executor.execute(calls.create(request));
    }

    /**
     * The signed join URL, for servers and for the explicit opt-in of handing it to a browser.
     * Makes no HTTP call.
     *
     * <p><b>Weakness when a browser holds it.</b> bbb-web checks a checksum by removing every
     * occurrence of {@code checksum=<value>} from the raw query ({@code String.replace}), so
     * whoever holds this URL can splice that text into another parameter and still pass the check:
     * {@code &guest=true} becomes {@code &gchecksum=<value>uest=true} (the guest skips the lobby),
     * {@code createTime} disappears (the link works in later meetings of the room), {@code userID}
     * or the meeting ID are cut short. For people, prefer {@link #join(JoinMeetingRequest)} and
     * send the browser to {@link JoinResponse#url()}.
     *
     * @param request the request
     * @return the signed URL; its {@code toString()} is redacted
     */
    public SignedUrl joinUrl(JoinMeetingRequest request) {
        return new SignedUrl("join", executor.signedUrl(calls.joinUrl(request)));
    }

    /**
     * Joins on the server side ({@code redirect=false}) at the moment of the click and returns the
     * session: send the user's browser to {@link JoinResponse#url()} (the client, or the guest
     * lobby's wait page when {@link JoinResponse#guestStatus()} is {@code WAIT}). Unlike a signed
     * join URL, the session URL carries only the session token, whose role, guest flag, name, user
     * ID and {@code createTime} bbb-web fixed at this join, so it cannot be bent
     * (see {@link #joinUrl(JoinMeetingRequest)}).
     *
     * <p><b>The meeting must allow it.</b> bbb-web's join also stores the session token in the HTTP
     * session of the caller (the {@code JSESSIONID} cookie of this answer, which stays here). The
     * client's later requests pass bbb-web's {@code hasValidSession} ({@code enter} up to 2.7,
     * {@code stuns}, {@code getJoinUrl}, {@code learningDashboard}) and the 3.0 client's connection
     * authorization ({@code ConnectionController.checkAuthorization} and
     * {@code checkGraphqlAuthorization}) without that cookie only if the meeting was created with
     * {@link CreateMeetingRequest.Builder#allowRequestsWithoutSession(boolean)
     * allowRequestsWithoutSession=true}: create it so.
     *
     * <p><b>Scalelite.</b> Scalelite answers a join with a 302 to a BigBlueButton server's signed
     * join URL. Exactly one such redirect is followed, and only to an absolute http(s) URL whose
     * path is {@code /bigbluebutton/api/join}; any other redirect is a
     * {@link BbbTransportException} naming the reason, never the URL. The transport never follows
     * redirects on its own.
     *
     * <pre>{@code
     * JoinResponse joined = bbb.join(JoinMeetingRequest.builder("meeting-id", "Frau S.", Role.MODERATOR)
     *         .userId("u-42").createTime(created.createTime()).build());
     * return redirect(joined.url().orElseThrow());   // never log it: the token is a credential
     * }</pre>
     *
     * @param request the request
     * @return the session
     * @throws MeetingNotFoundException if the meeting does not exist
     * @throws MeetingForciblyEndedException if it was ended
     * @throws CreateTimeMismatchException if the meeting was re-created since {@code createTime}
     * @throws MaxParticipantsReachedException if it is full
     * @throws GuestDeniedException if the guest policy denies the user
     * @throws BbbTransportException if the server could not be reached, or redirected elsewhere
     */
    public JoinResponse join(JoinMeetingRequest request) {
        return executor.execute(calls.join(request));
    }

    /**
     * {@return whether a meeting is running (someone has joined and it has not ended)} An unknown
     * meeting is not an error: it is not running.
     *
     * @param request the request
     */
    public boolean isMeetingRunning(IsMeetingRunningRequest request) {
        return executor.execute(calls.isMeetingRunning(request));
    }

    /**
     * {@return whether the meeting is running} The shortcut of
     * {@link #isMeetingRunning(IsMeetingRunningRequest)}.
     *
     * @param meetingId the external meeting ID
     */
    public boolean isMeetingRunning(String meetingId) {
        return isMeetingRunning(IsMeetingRunningRequest.builder(meetingId).build());
    }

    /**
     * {@return the state of one meeting with its attendees and metadata}
     *
     * @param request the request
     * @throws MeetingNotFoundException if there is no such meeting
     */
    public MeetingInfo getMeetingInfo(GetMeetingInfoRequest request) {
        return executor.execute(calls.getMeetingInfo(request));
    }

    /**
     * {@return the state of the meeting} The shortcut of {@link #getMeetingInfo(GetMeetingInfoRequest)}.
     *
     * @param meetingId the external meeting ID
     */
    public MeetingInfo getMeetingInfo(String meetingId) {
        return getMeetingInfo(GetMeetingInfoRequest.builder(meetingId).build());
    }

    /**
     * {@return all meetings on the server (or, behind Scalelite with multitenancy, the tenant's);
     * empty when there are none ({@code noMeetings})}
     */
    public List<MeetingInfo> getMeetings() {
        return executor.execute(calls.getMeetings());
    }

    /**
     * Ends a meeting and removes everyone from it. Ending is asynchronous on the server: poll
     * {@link #isMeetingRunning(String)} if you need to know when it is done. Not retried: a
     * repeated end after a timeout could end a meeting re-created in between.
     *
     * @param request the request
     * @return {@code true} if a meeting was ended, {@code false} if the server answered {@code notFound}
     */
    public boolean end(EndMeetingRequest request) {
        return executor.execute(calls.end(request));
    }

    /**
     * {@return whether a meeting was ended} The shortcut of {@link #end(EndMeetingRequest)}.
     *
     * @param meetingId the external meeting ID
     */
    public boolean end(String meetingId) {
        return end(EndMeetingRequest.builder(meetingId).build());
    }

    /**
     * Adds documents to a running meeting's presentation ({@code insertDocument}, BigBlueButton
     * 2.5 and later): a POST with an XML body. Not retried, so documents are never uploaded twice.
     *
     * @param request the meeting and the documents
     * @throws BbbApiException if the meeting does not exist or presentations are disabled
     */
    public void insertDocument(InsertDocumentRequest request) {
        executor.execute(calls.insertDocument(request));
    }

    /**
     * Adds documents to a running meeting's presentation; the shortcut of
     * {@link #insertDocument(InsertDocumentRequest)}.
     *
     * @param meetingId the external meeting ID
     * @param documents the documents, at least one
     */
    public void insertDocument(String meetingId, List<Document> documents) {
        insertDocument(InsertDocumentRequest.builder(meetingId).documents(documents).build());
    }

    /**
     * Posts a message to a running meeting's public chat (BigBlueButton 3.0).
     *
     * @param request the request
     * @throws MeetingNotFoundException if the meeting is not running ({@code meetingNotFound})
     */
    public void sendChatMessage(SendChatMessageRequest request) {
        executor.execute(calls.sendChatMessage(request));
    }

    /**
     * {@return one page of recordings; empty for {@code noRecordings}} For all recordings across
     * pages use {@link #allRecordings(GetRecordingsRequest)}.
     *
     * @param request the filters and paging
     */
    public RecordingsPage getRecordings(GetRecordingsRequest request) {
        return executor.execute(calls.getRecordings(request));
    }

    /**
     * All recordings matching the filters, fetched lazily page by page as the stream is consumed
     * (page size: the request's {@code limit}, else 100). Servers that do not page (BigBlueButton
     * before 2.6, Scalelite) answer everything with the first request. Failures surface as
     * {@link BbbException} while the stream is consumed. Recordings added or removed while paging
     * can shift pages.
     *
     * @param request the filters; its offset is where paging starts
     * @return a sequential, lazy stream
     */
    public Stream<Recording> allRecordings(GetRecordingsRequest request) {
        Objects.requireNonNull(request, "request");
        int pageSize = request.limit().orElse(100);
        int start = request.offset().orElse(0);
        Iterator<Recording> it = new Iterator<>() {
            private Iterator<Recording> current = List.<Recording>of().iterator();
            private int offset = start;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    RecordingsPage page = getRecordings(request.page(offset, pageSize));
                    current = page.recordings().iterator();
                    more = page.hasMore();
                    offset += page.recordings().size();
                }
                return current.hasNext();
            }

            @Override
            public Recording next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Publishes or unpublishes recordings.
     *
     * @param request the record IDs and the flag
     * @return the {@code published} flag the server echoes
     * @throws BbbApiException with {@code notFound} if none of the recordings exists
     */
    public boolean publishRecordings(PublishRecordingsRequest request) {
        return executor.execute(calls.publishRecordings(request));
    }

    /**
     * {@return the {@code published} flag the server echoes} The shortcut of
     * {@link #publishRecordings(PublishRecordingsRequest)}.
     *
     * @param recordIds the record IDs, at least one
     * @param publish {@code true} to publish, {@code false} to hide
     */
    public boolean publishRecordings(Collection<String> recordIds, boolean publish) {
        return publishRecordings(PublishRecordingsRequest.builder(recordIds, publish).build());
    }

    /**
     * Deletes recordings. Not retried.
     *
     * @param request the record IDs
     * @return whether the server reports them deleted
     * @throws BbbApiException with {@code notFound} if none of the recordings exists
     */
    public boolean deleteRecordings(DeleteRecordingsRequest request) {
        return executor.execute(calls.deleteRecordings(request));
    }

    /**
     * {@return whether the server reports the recordings deleted} The shortcut of
     * {@link #deleteRecordings(DeleteRecordingsRequest)}.
     *
     * @param recordIds the record IDs, at least one
     */
    public boolean deleteRecordings(Collection<String> recordIds) {
        return deleteRecordings(DeleteRecordingsRequest.builder(recordIds).build());
    }

    /**
     * Changes metadata of recordings (and, on Scalelite, their protection).
     *
     * @param request the changes
     * @return the {@code updated} flag; Scalelite answers {@code false} for recordings outside the tenant
     * @throws BbbApiException with {@code notFound} if none of the recordings exists
     */
    public boolean updateRecordings(UpdateRecordingsRequest request) {
        return executor.execute(calls.updateRecordings(request));
    }

    /**
     * {@return the subtitle and caption tracks of a recording (a JSON answer)} Not available behind
     * Scalelite.
     *
     * @param request the record ID
     * @throws BbbApiException with {@code noRecordings} for an unknown recording
     */
    public List<TextTrack> getRecordingTextTracks(GetRecordingTextTracksRequest request) {
        return executor.execute(calls.getRecordingTextTracks(request));
    }

    /**
     * {@return the subtitle and caption tracks of the recording} The shortcut of
     * {@link #getRecordingTextTracks(GetRecordingTextTracksRequest)}.
     *
     * @param recordId the record ID
     */
    public List<TextTrack> getRecordingTextTracks(String recordId) {
        return getRecordingTextTracks(GetRecordingTextTracksRequest.builder(recordId).build());
    }

    /**
     * Uploads a subtitle or caption file (multipart POST, JSON answer). Processing is
     * asynchronous on the server. Not available behind Scalelite.
     *
     * @param request the track
     * @throws BbbApiException for {@code invalidKind}, {@code invalidLang}, {@code noRecordings}, ...
     */
    public void putRecordingTextTrack(PutRecordingTextTrackRequest request) {
        executor.execute(calls.putRecordingTextTrack(request));
    }

    /**
     * Registers a webhook with bbb-webhooks ({@code hooks/create}), signed with the
     * {@link Builder#hooksChecksumAlgorithm(ChecksumAlgorithm) hooks algorithm}.
     *
     * @param request the hook
     * @return the registration; {@link HookRegistration#isDuplicate()} if the URL was registered already
     */
    public HookRegistration createHook(CreateHookRequest request) {
        return executor.execute(calls.createHook(request));
    }

    /**
     * {@return the registered webhooks: all of them, or with
     * {@link ListHooksRequest.Builder#meetingId(String)} those of one meeting plus all global ones}
     *
     * @param request the request
     */
    public List<Hook> listHooks(ListHooksRequest request) {
        return executor.execute(calls.listHooks(request));
    }

    /**
     * {@return the webhooks of one meeting plus all global ones: {@link #listHooks(ListHooksRequest)}
     * for a meeting ID alone}
     *
     * @param meetingId the external meeting ID
     */
    public List<Hook> listHooks(String meetingId) {
        return listHooks(ListHooksRequest.builder().meetingId(meetingId).build());
    }

    /**
     * Removes a webhook. Not retried.
     *
     * @param request the hook's ID
     * @return whether it was removed
     * @throws BbbApiException with {@code destroyMissingHook} for an unknown hook
     */
    public boolean destroyHook(DestroyHookRequest request) {
        return executor.execute(calls.destroyHook(request));
    }

    /**
     * {@return whether the webhook was removed} The shortcut of {@link #destroyHook(DestroyHookRequest)}.
     *
     * @param hookId the hook's ID
     */
    public boolean destroyHook(String hookId) {
        return destroyHook(DestroyHookRequest.builder(hookId).build());
    }

    /**
     * {@return the server's API version, from the unsigned API root} Needs no secret.
     */
    public ApiVersion version() {
        return executor.execute(calls.version(), executor.unsignedUrl(""));
    }

    /**
     * {@return the outcome: {@link ConnectionCheck#isOk() OK} with the server's version and the
     * working algorithm, or the first thing found wrong} Tells apart the ways a configuration can be wrong: server unreachable,
     * URL not the BigBlueButton API, wrong secret, algorithm not enabled on the server. Makes at most
     * six read-only calls (the API root, then {@code isMeetingRunning} for a random meeting ID, with
     * other algorithms only if the first was refused), each a single attempt without retries; the
     * first probe without an answer ends the check, so an unreachable server costs at most two request
     * timeouts. Never throws for a failed check.
     */
    public ConnectionCheck checkConnection() {
        return probe.check();
    }

    /**
     * Releases the HTTP client if this client created it, and the client's threads. Calls after
     * {@code close()} may fail. On Java 21 and later the JDK client's connections are released at
     * once; on Java 17 they are released when the client becomes unreachable. A client that is
     * never closed keeps no threads once it has been idle for 30 s.
     */
    @Override
    public void close() {
        Connection c;
        synchronized (connectionLock) {
            closed = true;
            c = connection;
        }
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return "BbbClient{" + config + '}';
    }

    /**
     * Configures a {@link BbbClient}. Not thread-safe; {@link #build()} validates and copies, so
     * a builder may be reused. Each setter replaces the value set before and returns this builder;
     * a {@code null} argument throws {@link NullPointerException} naming the setting, and a value
     * out of its range throws {@link IllegalArgumentException} at once, naming the setting and the
     * range. Unset settings keep the defaults given on each setter.
     */
    public static final class Builder {
        private String baseUrl;
        private String secret;
        private ChecksumAlgorithm algorithm = ChecksumAlgorithm.SHA256;
        private ChecksumAlgorithm hooksAlgorithm = ChecksumAlgorithm.SHA1;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private long maxResponseBytes = 16L * 1024 * 1024;
        private HttpClient httpClient;
        private HttpTransport transport;
        /** {@code null} for the default, which is read from the build's resource with the first call. */
        private String userAgent;
        private BbbEventListener eventListener = BbbEventListener.NONE;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        Builder copy() {
            Builder b = new Builder();
            b.baseUrl = baseUrl;
            b.secret = secret;
            b.algorithm = algorithm;
            b.hooksAlgorithm = hooksAlgorithm;
            b.connectTimeout = connectTimeout;
            b.requestTimeout = requestTimeout;
            b.maxRetries = maxRetries;
            b.initialBackoff = initialBackoff;
            b.maxBackoff = maxBackoff;
            b.maxRetryAfter = maxRetryAfter;
            b.maxResponseBytes = maxResponseBytes;
            b.httpClient = httpClient;
            b.transport = transport;
            b.userAgent = userAgent;
            b.sleeper = sleeper;
            b.clock = clock;
            b.eventListener = eventListener;
            return b;
        }

        /**
         * The server's base URL. Accepted forms: {@code https://host/bigbluebutton},
         * {@code https://host/bigbluebutton/}, {@code https://host/bigbluebutton/api} and
         * {@code https://host/bigbluebutton/api/}. Required.
         */
        public Builder baseUrl(String value) {
            ClientConfig.apiBase(Objects.requireNonNull(value, "baseUrl"));
            this.baseUrl = value;
            return this;
        }

        /**
         * The shared secret ({@code bbb-conf --secret}, or the Scalelite tenant's secret). Required.
         * Never logged or shown.
         */
        public Builder secret(String value) {
            this.secret = Objects.requireNonNull(value, "secret");
            return this;
        }

        /**
         * The checksum algorithm for API calls. Default {@link ChecksumAlgorithm#SHA256}.
         */
        public Builder checksumAlgorithm(ChecksumAlgorithm value) {
            this.algorithm = Objects.requireNonNull(value, "checksumAlgorithm");
            return this;
        }

        /**
         * The checksum algorithm for the bbb-webhooks API ({@code hooks/*}). Default
         * {@link ChecksumAlgorithm#SHA1}, the only one bbb-webhooks before 3.0 accepts; 3.x accepts
         * all four unless restricted.
         */
        public Builder hooksChecksumAlgorithm(ChecksumAlgorithm value) {
            this.hooksAlgorithm = Objects.requireNonNull(value, "hooksChecksumAlgorithm");
            return this;
        }

        /**
         * How long to wait for a TCP connection. Default 5 s. Ignored when an own
         * {@link #httpClient(HttpClient)} is given (set it there), and by the synchronous calls of
         * a {@link #transport(HttpTransport)}, which connects as it is built to.
         *
         * @param value a positive duration
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive("connectTimeout", value);
            return this;
        }

        /**
         * How long one attempt may take from sending to the last byte of the answer, parsing
         * included. Default 15 s. The SDK's own transport (the JDK client) holds every attempt to it;
         * a retried call may take up to {@code maxRetries + 1} times as long plus the backoff. With a
         * {@link #transport(HttpTransport)}, only that transport can end a blocked attempt: the SDK
         * hands it this timeout and fails an answer that arrives later as a timeout, but a transport
         * that never returns blocks the caller for good.
         *
         * @param value a positive duration
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive("requestTimeout", value);
            return this;
        }

        /**
         * How often an idempotent call is repeated after a retryable failure. Default 2; 0 turns
         * retries off.
         *
         * @param value 0 to 10
         */
        public Builder maxRetries(int value) {
            if (value < 0 || value > 10) {
                throw new IllegalArgumentException("maxRetries must be 0 to 10, was " + value);
            }
            this.maxRetries = value;
            return this;
        }

        /**
         * The backoff before the first retry and the largest backoff. Defaults 200 ms and 5 s; each
         * retry doubles the delay, and a random part of up to half of it is taken off.
         *
         * @param initial the first delay, positive
         * @param max the largest delay, at least {@code initial}
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            positive("retryBackoff initial", initial);
            positive("retryBackoff max", max);
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("retryBackoff max must be at least the initial delay");
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The longest {@code Retry-After} the client waits for; a server asking for longer ends the
         * retries at once. Default 30 s.
         *
         * @param value a positive duration
         */
        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = positive("maxRetryAfter", value);
            return this;
        }

        /**
         * The largest answer accepted; a larger one fails with {@link BbbResponseException}.
         * Default 16 MiB.
         *
         * @param value bytes, at least 1024
         */
        public Builder maxResponseBytes(long value) {
            if (value < 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + value);
            }
            this.maxResponseBytes = value;
            return this;
        }

        /**
         * An HTTP client to use instead of creating one. It belongs to the caller: the SDK never
         * closes it. It must not follow redirects (the SDK follows Scalelite's join redirect itself)
         * and should use HTTP/1.1.
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * The transport for synchronous calls, instead of the JDK {@link HttpClient}: the innermost
         * "send these bytes, read that answer" step, for servers that must own the wire (for
         * instance a proxy that calls BigBlueButton from its own request threads). Default none.
         *
         * <p>Everything else stays the SDK's: signing, retries, logging with redaction, the size cap,
         * events, the exceptions; {@link HttpTransport} states what the transport must do.
         * <b>How long a call waits is the transport's to bound:</b> the SDK cannot interrupt it, it
         * only hands it the {@link #requestTimeout(Duration)} and fails an answer that comes later
         * as a timeout; a transport that blocks forever blocks the caller forever (and each retry
         * again). Asynchronous calls still go through the JDK client the SDK creates.
         * {@link #connectTimeout(Duration)} is the transport's own business. The transport belongs to
         * the caller: {@link BbbClient#close()} does not close it, and several clients may share it.
         *
         * <p>Cannot be combined with {@link #httpClient(HttpClient)}: the network settings of a
         * client (proxy, TLS context) have one owner.
         *
         * @param value the transport for synchronous calls
         * @throws NullPointerException if {@code value} is {@code null}
         */
        public Builder transport(HttpTransport value) {
            this.transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /**
         * The {@code User-Agent} header. Default {@code bbb-java-sdk/<version>}.
         *
         * @param value visible ASCII and spaces, not blank (what every HTTP client may send as a
         *        header value)
         * @throws NullPointerException if {@code value} is {@code null}
         * @throws IllegalArgumentException if it is blank or holds another character (a letter
         *        outside ASCII, a tab, a line break)
         */
        public Builder userAgent(String value) {
            if (!Objects.requireNonNull(value, "userAgent").chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("userAgent must hold only visible ASCII and spaces, as an HTTP header"
                        + " value; write other letters without accents");
            }
            this.userAgent = Validation.nonBlank("userAgent", value);
            return this;
        }

        /**
         * Observes every call: start, attempts, retries, answers, outcome (for metrics and tracing).
         * Default {@link BbbEventListener#NONE}, which costs nothing. A listener that throws is
         * logged at WARN and ignored.
         */
        public Builder eventListener(BbbEventListener value) {
            this.eventListener = Objects.requireNonNull(value, "eventListener");
            return this;
        }

        Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
            }
            return value;
        }

        /**
         * Validates the settings and builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException if {@code baseUrl} or {@code secret} is missing or invalid
         */
        public BbbClient build() {
            if (baseUrl == null) {
                throw new IllegalArgumentException("baseUrl is required, e.g. https://bbb.example.org/bigbluebutton/");
            }
            ClientConfig.apiBase(baseUrl);
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("secret is required: the shared secret of the server (bbb-conf --secret)");
            }
            if (!secret.equals(secret.strip())) {
                throw new IllegalArgumentException("secret must not start or end with whitespace (copied with a line break?)");
            }
            if (transport != null && httpClient != null) {
                throw new IllegalArgumentException("transport cannot be combined with httpClient: synchronous calls would"
                        + " bypass the given HttpClient's settings; set one of them");
            }
            return new BbbClient(this);
        }

        @Override
        public String toString() {
            return "BbbClient.Builder{baseUrl=" + baseUrl + ", secret=" + (secret == null ? "unset" : Redactor.MASK)
                    + ", algorithm=" + algorithm + '}';
        }
    }
}
