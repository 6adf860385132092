// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.portal.DisplayNamePolicy;
import de.hessen.schulportal.bbb.portal.MetadataPolicy;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The privacy policy applied to what the client sends, built from the portal adapter's pieces:
 * {@link Pseudonyms} for user IDs (and the audit log's meeting reference), {@link DisplayNamePolicy}
 * for names, {@link MetadataPolicy} for metadata values, the adapter's neutral room title for
 * meeting names. Also the mapping between the client's meeting IDs and the backend's
 * ({@code <tenant>-<meetingID>}), and everything sealed with the {@link Sealer}: reversible user
 * pseudonyms, recording names and descriptions, callback, logout and slide URLs.
 *
 * <p>Immutable and thread-safe.
 */
public final class Privacy {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final GatewayConfig config;
    /** Per tenant, under its ring's current key; the ring's other keys are only for reading (retention, sealed tokens). */
    private final Map<String, Pseudonyms> pseudonyms;
    /** Each tenant secret's {@link #secretTag tag}, made once per generation instead of per create. */
    private final Map<String, String> secretTags;
    private final DisplayNamePolicy names;
    private final MetadataPolicy metadata;
    private final Sealer sealer;
    private final String publicBase;
    private final LogoutBinding logoutBinding;
    private final Clock clock;

    /**
     * The policy of a configuration, keyed with each tenant's {@link GatewayConfig#keyRing(String) ring}:
     * sealing with the current key and opening with any key of the ring, pseudonyms and the logout
     * binding under the current key. A reload builds a new policy from the new configuration.
     *
     * @param config the configuration
     * @param publicBase the gateway's public URL
     */
    public Privacy(GatewayConfig config, String publicBase) {
        this(config, publicBase, Clock.systemUTC());
    }

    /**
     * The policy of a configuration, with a clock for the expiry of slide links ({@link SlideRelay#VALIDITY}).
     *
     * @param config the configuration
     * @param publicBase the gateway's public URL
     * @param clock the clock
     */
    public Privacy(GatewayConfig config, String publicBase, Clock clock) {
        this.config = config;
        this.clock = clock;
        Map<String, Pseudonyms> byTenant = new HashMap<>();
        Map<String, String> tags = new HashMap<>();
        for (Tenant t : config.tenants()) {
            KeyRing ring = config.keyRing(t.id());
            byTenant.put(t.id(), Pseudonyms.of(ring.currentKey()));
            tags.put(t.clientSecret(), secretTag(t.clientSecret()));
            t.previousClientSecret().ifPresent(previous -> tags.put(previous, secretTag(previous)));
        }
        this.pseudonyms = Map.copyOf(byTenant);
        this.secretTags = Map.copyOf(tags);
        this.names = DisplayNamePolicy.builder()
                .format(SchoolRole.TEACHER, config.moderatorNames())
                .format(SchoolRole.STUDENT, config.viewerNames())
                .build();
        this.metadata = MetadataPolicy.defaults().allow(config.metadataKeys().toArray(new String[0]));
        this.sealer = new Sealer(config::keyRing);
        this.publicBase = publicBase.endsWith("/") ? publicBase : publicBase + '/';
        this.logoutBinding = new LogoutBinding(config::keyRing, this.publicBase);
    }

    /**
     * The binding of logout links to the browser that joined.
     *
     * @return the binding
     */
    public LogoutBinding logoutBinding() {
        return logoutBinding;
    }

    /**
     * The configuration.
     *
     * @return the configuration
     */
    public GatewayConfig config() {
        return config;
    }

    /**
     * The sealer.
     *
     * @return the sealer
     */
    public Sealer sealer() {
        return sealer;
    }

    /**
     * The backend's meeting ID for a client's meeting ID: the tenant ID, a dash, the client's ID.
     * Moodle's IDs are already pseudonymous (40 random hex characters plus course and activity
     * numbers, which mean nothing without Moodle's host name, which never passes), and keeping them
     * readable keeps the gateway stateless and the mapping back exact.
     *
     * @param tenant the tenant
     * @param clientMeetingId the client's ID
     * @return the backend's ID
     */
    public static String backendMeetingId(Tenant tenant, String clientMeetingId) {
        return tenant.id() + '-' + clientMeetingId;
    }

    /**
     * The client's meeting ID for a backend's, if the meeting belongs to the tenant.
     *
     * @param tenant the tenant
     * @param backendMeetingId the backend's ID
     * @return the client's ID, or empty if the meeting is another tenant's
     */
    public static Optional<String> clientMeetingId(Tenant tenant, String backendMeetingId) {
        String prefix = tenant.id() + '-';
        return backendMeetingId != null && backendMeetingId.startsWith(prefix) && backendMeetingId.length() > prefix.length()
                ? Optional.of(backendMeetingId.substring(prefix.length())) : Optional.empty();
    }

    /**
     * A pseudonymous reference to a meeting for the audit log: the adapter's keyed meeting pseudonym
     * under the tenant's current key (so it changes when the key rotates).
     *
     * @param tenant the tenant
     * @param clientMeetingId the client's meeting ID
     * @return the reference
     */
    public String meetingRef(Tenant tenant, String clientMeetingId) {
        return pseudonyms(tenant).meetingId(room(tenant, clientMeetingId));
    }

    /**
     * The tenant's school pseudonym, written into every meeting's metadata ({@code room-school}) so
     * that the adapter's recording retention finds the tenant's recordings. Made with the current key
     * of the tenant's ring; retention also looks under the ring's older keys ({@code GatewayRetention}).
     *
     * @param tenant the tenant
     * @return the pseudonym
     */
    public String schoolRef(Tenant tenant) {
        return pseudonyms(tenant).schoolId(School.of(tenant.id()));
    }

    private Pseudonyms pseudonyms(Tenant tenant) {
        Pseudonyms p = pseudonyms.get(tenant.id());
        if (p == null) {
            throw new IllegalArgumentException("no keys for tenant " + tenant.id());
        }
        return p;
    }

    /**
     * The neutral meeting name used instead of the client's: the adapter's default title of a lesson room.
     *
     * @param tenant the tenant
     * @param clientMeetingId the client's meeting ID
     * @return the name
     */
    public String neutralMeetingName(Tenant tenant, String clientMeetingId) {
        return room(tenant, clientMeetingId).title();
    }

    private static Room room(Tenant tenant, String clientMeetingId) {
        return Room.builder(School.of(tenant.id()), clientMeetingId, RoomKind.LESSON).build();
    }

    /**
     * A joining user as the adapter's {@link Person}: BigBlueButton moderators as teachers, viewers
     * as students, guests as guests (for the name format and the pseudonym's role tag). The name is
     * split by the adapter's {@link Person.Builder#fullName(String)}: after NFKC on every Unicode
     * space, so {@code Kim\u00A0Yilmaz} is first name "Kim" and last name "Yilmaz", never one first
     * name shown in full; Moodle's {@code "Yilmaz, Kim"} form is understood; otherwise the first word
     * is the first name and the rest the last name, so a viewer shows less ("Kim S." for "Kim Sophie
     * Yilmaz") rather than a surname. Control characters count as spaces.
     *
     * @param fullName the name the client sent
     * @param role the BigBlueButton role
     * @param guest whether the client marked the user as a guest
     * @param userId the client's user ID, or {@code null}
     * @return the person
     * @throws IllegalArgumentException if the name is blank once control characters are removed, or
     *     breaks the adapter's display-name rule (the message names the field and the rule)
     */
    public static Person person(String fullName, Role role, boolean guest, String userId) {
        SchoolRole schoolRole = guest ? SchoolRole.GUEST : role == Role.MODERATOR ? SchoolRole.TEACHER : SchoolRole.STUDENT;
        String id = userId == null || userId.isBlank() ? "anonymous" : userId;
        try {
            return Person.builder(id, schoolRole, guest ? Relation.INVITED_GUEST : Relation.MEMBER)
                    .fullName(CONTROL.matcher(fullName).replaceAll(" ")).build();
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("firstName must not be blank")) {
                throw new IllegalArgumentException("fullName must not be blank", e);
            }
            throw e;
        }
    }

    /**
     * The display name by the policy.
     *
     * @param person the person
     * @return the name
     */
    public String displayName(Person person) {
        return names.displayName(person);
    }

    /**
     * The pseudonym of a user in a meeting: the adapter's role tag ({@code te-}, {@code st-}, …)
     * and the client's user ID sealed for the meeting. The same user gets the same pseudonym in the
     * same meeting (rejoins stay one user), different ones in different meetings and tenants
     * (unlinkable), and only the gateway can open it ({@link #clientUserId}), so callbacks can
     * give the client its own IDs back.
     *
     * @param tenant the tenant
     * @param clientMeetingId the client's meeting ID
     * @param person the person (its ID is the client's user ID)
     * @return the pseudonym
     */
    public String userPseudonym(Tenant tenant, String clientMeetingId, Person person) {
        return Pseudonyms.roleTag(person.role()) + sealer.seal(Sealer.Purpose.USER_ID, tenant.id(), clientMeetingId, person.id());
    }

    /**
     * Opens a user pseudonym of a meeting.
     *
     * @param tenant the tenant
     * @param clientMeetingId the client's meeting ID the pseudonym was made in
     * @param pseudonym the pseudonym, as the backend reports it
     * @return the client's user ID, or empty if the pseudonym is not one the gateway made for this
     *     tenant and meeting (or its key was retired)
     */
    public Optional<String> clientUserId(Tenant tenant, String clientMeetingId, String pseudonym) {
        if (pseudonym == null) {
            return Optional.empty();
        }
        int dash = pseudonym.indexOf('-');
        // The role tag is two letters and a dash; the token after it is Base64url.
        if (dash != 2) {
            return Optional.empty();
        }
        return sealer.open(Sealer.Purpose.USER_ID, tenant.id(), clientMeetingId, pseudonym.substring(dash + 1));
    }

    /** The longest recording name or description sealed, in code points; longer ones are cut. */
    public static final int MAX_SEALED_TEXT = 256;
    /** What starts a sealed metadata value on the backend, so a clear value is never mistaken for one. */
    static final String SEALED_PREFIX = "sealed:";

    /**
     * Seals a recording's name or description for the backend's metadata. Texts longer than
     * {@value #MAX_SEALED_TEXT} code points are cut there (Moodle itself cuts descriptions to 64).
     *
     * @param purpose {@link Sealer.Purpose#RECORDING_NAME} or {@link Sealer.Purpose#RECORDING_DESCRIPTION}
     * @param tenant the tenant
     * @param text the client's text
     * @return the value to store on the backend
     */
    public String sealText(Sealer.Purpose purpose, Tenant tenant, String text) {
        String bounded = text.codePointCount(0, text.length()) <= MAX_SEALED_TEXT ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_SEALED_TEXT));
        return SEALED_PREFIX + sealer.seal(purpose, tenant.id(), "", bounded);
    }

    /**
     * Opens what {@link #sealText} stored.
     *
     * @param purpose the purpose it was sealed for
     * @param tenant the tenant
     * @param stored the backend's metadata value
     * @return the text, or empty if the value is not one the gateway sealed for the tenant
     */
    public Optional<String> openText(Sealer.Purpose purpose, Tenant tenant, String stored) {
        if (stored == null || !stored.startsWith(SEALED_PREFIX)) {
            return Optional.empty();
        }
        return sealer.open(purpose, tenant.id(), "", stored.substring(SEALED_PREFIX.length()));
    }

    /**
     * Whether a metadata entry may pass: its key is allowed and its value a short machine value.
     *
     * @param key the key (lower case, without {@code meta_})
     * @param value the value
     * @return true if it may pass
     */
    public boolean metadataPasses(String key, String value) {
        if (!config.metadataKeys().contains(key)) {
            return false;
        }
        try {
            metadata.check(key, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The gateway URL that replaces a client URL. A slide URL's token carries its expiry
     * ({@link SlideRelay#sealedValue}, {@link SlideRelay#VALIDITY} from now).
     *
     * @param purpose what the URL is for
     * @param tenant the tenant
     * @param clientUrl the client's URL
     * @return the gateway URL carrying the sealed client URL
     */
    public String gatewayUrl(Sealer.Purpose purpose, Tenant tenant, String clientUrl) {
        String prefix;
        switch (purpose) {
            case LOGOUT:
                prefix = "gateway/logout/";
                break;
            case SLIDE:
                return publicBase + "gateway/slides/" + sealer.pathToken(purpose, tenant.id(),
                        SlideRelay.sealedValue(clientUrl, clock.instant().plus(SlideRelay.VALIDITY)));
            case RECORDING_READY:
            case ANALYTICS:
                prefix = "gateway/callback/" + purpose.label() + '/';
                break;
            default:
                throw new IllegalArgumentException(purpose + " has no gateway URL");
        }
        return publicBase + prefix + sealer.pathToken(purpose, tenant.id(), clientUrl);
    }

    /** Starts a callback token's value that names the client secret its create verified with: {@code s=<tag> <url>}. */
    private static final String SECRET_TAG = "s=";
    private static final int SECRET_TAG_CHARS = 16;

    /**
     * What a callback token carries: the client's URL and which client secret the meeting's create
     * verified with (the one the client held when it set up the meeting and its callback URLs).
     *
     * @param url the client's callback URL
     * @param secretTag the {@link #secretTag tag} of that secret, or {@code null} for a token sealed before
     *     gateways carried it
     */
    public record CallbackTarget(String url, String secretTag) {
        @Override
        public String toString() {
            return "CallbackTarget{url=***}";
        }
    }

    /**
     * The gateway URL that replaces a client's callback URL (recording ready, analytics): the sealed
     * token carries the URL and the {@link #secretTag tag} of the client secret the create verified
     * with, so the relay signs the callback with the secret the client held then ({@link CallbackRelay}).
     *
     * @param purpose {@link Sealer.Purpose#RECORDING_READY} or {@link Sealer.Purpose#ANALYTICS}
     * @param tenant the tenant
     * @param clientSecret the tenant's secret that verified the create (current or previous)
     * @param clientUrl the client's URL
     * @return the gateway URL
     */
    public String callbackUrl(Sealer.Purpose purpose, Tenant tenant, String clientSecret, String clientUrl) {
        String tag = secretTags.get(clientSecret);
        return gatewayUrl(purpose, tenant, SECRET_TAG + (tag != null ? tag : secretTag(clientSecret)) + ' ' + clientUrl);
    }

    /**
     * Reads the value of an opened callback token ({@link #callbackUrl}). A value without a tag (sealed
     * by an earlier gateway: the URL alone, which starts with {@code http}) has none.
     *
     * @param sealed the opened value
     * @return the URL and the tag
     */
    public static CallbackTarget callbackTarget(String sealed) {
        int space = SECRET_TAG.length() + SECRET_TAG_CHARS;
        if (sealed.startsWith(SECRET_TAG) && sealed.length() > space && sealed.charAt(space) == ' ') {
            return new CallbackTarget(sealed.substring(space + 1), sealed.substring(SECRET_TAG.length(), space));
        }
        return new CallbackTarget(sealed, null);
    }

    /**
     * Names a client secret without revealing it: the first 8 bytes of
     * {@code HMAC-SHA256(secret, "bbb-gateway/callback-secret/v1")} in hex. It travels only inside a
     * sealed (encrypted) token and tells the tenant's current and previous secret apart.
     *
     * @param secret a client secret
     * @return 16 hex characters
     */
    public static String secretTag(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal("bbb-gateway/callback-secret/v1".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(tag, 0, SECRET_TAG_CHARS / 2);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
