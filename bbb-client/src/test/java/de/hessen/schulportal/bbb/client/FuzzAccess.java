// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import java.util.function.Function;

/** The fuzz targets' way into the answer reading of the facade package: envelope, parser, mapping. */
public final class FuzzAccess {
    private FuzzAccess() {
    }

    /**
     * Reads an XML answer as every XML call would: envelope and parser once per call family,
     * then each call's mapping.
     *
     * @param body the answer body
     */
    public static void readXml(byte[] body) {
        for (Function<byte[], Object> mapper : MappingProbe.mappers().values()) {
            mapper.apply(body);
        }
    }

    /**
     * Reads a JSON answer as the text-track calls do.
     *
     * @param body the answer body
     */
    public static void readJson(byte[] body) {
        MappingProbe.textTracks(body);
    }
}
