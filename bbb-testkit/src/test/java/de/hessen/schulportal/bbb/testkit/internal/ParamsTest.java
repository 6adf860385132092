// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParamsTest {
    @Test
    void parse_percentAndPlus_decodedAsUtf8() {
        Params p = Params.parse("name=Klasse+7b+%E2%80%93+Mathe&x=%F0%9F%98%80&flag&a=1&a=2&bad=%zz");
        assertThat(p.get("name")).isEqualTo("Klasse 7b – Mathe");
        assertThat(p.get("x")).isEqualTo("😀");
        assertThat(p.get("flag")).isEmpty();
        assertThat(p.get("a")).isEqualTo("1");
        assertThat(p.get("bad")).isEqualTo("%zz");
    }

    @Test
    void xml_escapesTextAndDropsInvalidCharacters() {
        String xml = Xml.response("SUCCESS").element("name", "<a & \"b\">\u0001").finish();
        assertThat(xml).contains("<name>&lt;a &amp; &quot;b&quot;&gt;</name>");
    }
}
