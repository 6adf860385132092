// SPDX-License-Identifier: Apache-2.0
/**
 * The BigBlueButton API client. Start at {@link de.hessen.schulportal.bbb.client.BbbClient}; its
 * {@link de.hessen.schulportal.bbb.client.BbbClient#async() async()} view makes the same calls
 * without blocking. The request and answer types of the calls are in
 * {@link de.hessen.schulportal.bbb.client.meeting}, {@link de.hessen.schulportal.bbb.client.recording}
 * and {@link de.hessen.schulportal.bbb.client.hook}; what BigBlueButton sends back on its own
 * (webhooks, callbacks) is verified in {@link de.hessen.schulportal.bbb.client.callback}.
 *
 * <h2 id="requests">Requests</h2>
 *
 * <p>Every call that takes parameters has one request class, named after the call
 * ({@code CreateMeetingRequest}, {@code GetMeetingInfoRequest}, ...). The client has one method per
 * call taking it, and for the common case at most one shortcut that builds the request from the
 * required values ({@code getMeetingInfo(String)}). A request is immutable and thread-safe; it is
 * made by its static {@code builder(...)}, which takes the values the call requires. Every request
 * class extends {@link de.hessen.schulportal.bbb.client.request.BbbRequest}, which holds its
 * parameters and its builder's {@code additionalParam}. The builders share one contract, stated here
 * rather than on every method:
 *
 * <ul>
 *   <li>Each setter sets the BigBlueButton parameter it describes (its wire name in
 *       {@code code} where it differs from the method's name), replaces a value set before, and
 *       returns this builder.</li>
 *   <li>A parameter left unset is not sent, so the server's default applies. Setter descriptions
 *       give that default where bbb-web's is known; a default named in {@code code}, such as
 *       {@code defaultMeetingDuration}, is a property of the server's
 *       {@code bigbluebutton.properties}. Units and ranges are those of the Java argument unless
 *       said otherwise.</li>
 *   <li>A {@code null} argument throws {@link java.lang.NullPointerException} whose message is the
 *       parameter's name. A value BigBlueButton would refuse, drop or silently alter throws
 *       {@link java.lang.IllegalArgumentException} naming the parameter and the rule: in the setter
 *       where the value alone decides, at the latest in {@code build()} for the values given to
 *       {@code builder(...)} and for rules across parameters. Nothing is changed on its way to the
 *       server.</li>
 *   <li>{@code additionalParam(name, value)} sends a parameter this SDK does not model yet, after
 *       all typed ones and exactly as given. Its name matches {@code [a-zA-Z][a-zA-Z0-9_.-]*}; it
 *       may not be {@code checksum} (the client signs), a {@code meta_}, {@code userdata-} or
 *       {@code plugin_} entry (they have typed setters with BigBlueButton's key rules), nor a
 *       parameter the request already sets.</li>
 *   <li>A request's {@code parameters()} are its query parameters exactly as sent, before encoding
 *       and signing, in wire order: those of {@code builder(...)}, then the typed ones in the order
 *       first set, then the additional ones.</li>
 *   <li>A builder is not thread-safe. {@code build()} may be called again; a built request does not
 *       change when the builder does.</li>
 * </ul>
 */
package de.hessen.schulportal.bbb.client;
