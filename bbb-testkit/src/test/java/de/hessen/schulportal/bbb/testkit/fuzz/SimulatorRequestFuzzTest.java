// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.hessen.schulportal.bbb.testkit.internal.ChecksumJudge;
import de.hessen.schulportal.bbb.testkit.internal.Params;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes the simulator's request parsing: the query/form decoder and the checksum judge.
 * Invariants: any raw query parses without an exception; parameters encoded as the client encodes
 * them decode back to exactly what was sent; a query signed with the secret is judged OK, and the
 * same checksum over a different query is not. Each call into the testkit is one line, so a
 * restructured testkit needs only these re-pointed.
 */
class SimulatorRequestFuzzTest {
    private static final String SECRET = "fuzz-secret";
    private static final ChecksumJudge JUDGE = new ChecksumJudge(List.of(SECRET), Set.of("sha1", "sha256", "sha384", "sha512"));

    static Map<String, String> parse(String rawQuery) {
        return Params.parse(rawQuery).firstValues();
    }

    static boolean judgedOk(String call, String rawQuery) {
        return JUDGE.judge(call, rawQuery, Params.parse(rawQuery)) == ChecksumJudge.Verdict.OK;
    }

    static String sha256(String s) {
        try {
            StringBuilder b = new StringBuilder();
            for (byte x : MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))) {
                b.append(String.format("%02x", x & 0xff));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @FuzzTest(maxDuration = "90s")
    void rawQuery(byte[] raw) {
        parse(new String(raw, StandardCharsets.UTF_8));
        judgedOk("create", new String(raw, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "90s")
    void encodedParameters(FuzzedDataProvider data) {
        Map<String, String> sent = new LinkedHashMap<>();
        int count = data.consumeInt(1, 5);
        for (int i = 0; i < count; i++) {
            String name = "p" + i + data.consumeString(10);
            sent.putIfAbsent(name, data.consumeString(40));
        }
        StringBuilder q = new StringBuilder();
        sent.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String query = q.toString();
        // Unpaired surrogates cannot travel as UTF-8; the client refuses them before sending.
        Map<String, String> expected = new LinkedHashMap<>();
        sent.forEach((k, v) -> expected.putIfAbsent(new String(k.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
        if (!parse(query).equals(expected)) {
            throw new AssertionError("parameters changed on their way through the simulator's decoder: " + query);
        }
        String signed = query + "&checksum=" + sha256("create" + query + SECRET);
        if (!judgedOk("create", signed)) {
            throw new AssertionError("a correctly signed query was refused: " + signed);
        }
        String tampered = query + "&x=1&checksum=" + sha256("create" + query + SECRET);
        if (judgedOk("create", tampered)) {
            throw new AssertionError("a checksum verified for another query: " + tampered);
        }
    }
}
