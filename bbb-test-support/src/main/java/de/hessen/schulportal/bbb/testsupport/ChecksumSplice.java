// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.net.URI;

/**
 * The attacks of issue 19 on a signed BigBlueButton URL, as its holder would make them. bbb-web
 * checks a checksum by removing every occurrence of {@code checksum=<value>} from the raw query
 * ({@code String.replace}, for {@code &checksum=X}, {@code checksum=X&} and {@code checksum=X})
 * and hashing the rest, so spliced copies of that text vanish before hashing while they change
 * what the parameters say.
 *
 * <p>Each method returns the bent URL, or the URL unchanged if it carries no {@code checksum}:
 * there is nothing to splice into a session URL, which is the point of the fix.
 */
public final class ChecksumSplice {
    private ChecksumSplice() {
    }

    /**
     * Hides a parameter: {@code &guest=true} becomes {@code &gchecksum=<X>uest=true}, so the server
     * sees a parameter {@code gchecksum} and no {@code guest}.
     *
     * @param url the signed URL
     * @param name the parameter to hide (at least two characters, not the first parameter)
     * @return the bent URL
     */
    public static String hide(String url, String name) {
        String checksum = checksum(url);
        if (checksum == null) {
            return url;
        }
        String marker = "&" + name + "=";
        int at = url.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("the URL has no parameter " + name);
        }
        return url.substring(0, at + 2) + "checksum=" + checksum + url.substring(at + 2);
    }

    /**
     * Cuts a parameter's value short after {@code keep} characters: the real checksum moves to the
     * front of the query and {@code &checksum=<X>} goes into the value, so the server reads the
     * first {@code keep} characters as the value.
     *
     * @param url the signed URL
     * @param name the parameter
     * @param keep how many characters of its (encoded) value remain
     * @return the bent URL
     */
    public static String truncate(String url, String name, int keep) {
        String checksum = checksum(url);
        if (checksum == null) {
            return url;
        }
        int q = url.indexOf('?');
        String query = url.substring(q + 1).replace("&checksum=" + checksum, "");
        String marker = name + "=";
        int at = query.startsWith(marker) ? 0 : query.indexOf("&" + marker) + 1;
        if (at <= 0 && !query.startsWith(marker)) {
            throw new IllegalArgumentException("the URL has no parameter " + name);
        }
        int cut = at + marker.length() + keep;
        String bent = query.substring(0, cut) + "&checksum=" + checksum + query.substring(cut);
        return url.substring(0, q + 1) + "checksum=" + checksum + "&" + bent;
    }

    /**
     * The value of the URL's {@code checksum} parameter, or {@code null}.
     *
     * @param url a URL
     * @return the checksum
     */
    public static String checksum(String url) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("checksum=")) {
                return pair.substring("checksum=".length());
            }
        }
        return null;
    }
}
