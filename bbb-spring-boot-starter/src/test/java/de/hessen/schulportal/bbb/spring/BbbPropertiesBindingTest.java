// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Spring's binder fills the shared server and each tenant through the one base class, whose constructor
 * only the two subclasses in this package can call.
 */
class BbbPropertiesBindingTest {
    private static BbbProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("bbb", BbbProperties.class).get();
    }

    @Test
    void binder_fillsSharedServerAndTenants_throughThePackagePrivateBase() {
        for (Constructor<?> c : BbbServerProperties.class.getDeclaredConstructors()) {
            int m = c.getModifiers();
            assertThat(Modifier.isPublic(m) || Modifier.isProtected(m) || Modifier.isPrivate(m)).as(c.toString()).isFalse();
        }
        BbbProperties p = bind(Map.of("bbb.url", "https://bbb.example.org/bigbluebutton/", "bbb.secret", "s3cr3t-shared",
                "bbb.tenants.6022.url", "https://scalelite.example.org/", "bbb.tenants.6022.secret", "s3cr3t-tenant",
                "bbb.tenants.6022.checksum-algorithm", "SHA1", "bbb.tenants.6023.url", "https://b3lb.example.org/"));
        assertThat(p.getUrl()).isEqualTo("https://bbb.example.org/bigbluebutton/");
        assertThat(p.getSecret()).isEqualTo("s3cr3t-shared");
        assertThat(p.getChecksumAlgorithm()).as("the shared default").isEqualTo(ChecksumAlgorithm.SHA256);
        BbbProperties.Tenant own = p.getTenants().get("6022");
        assertThat(own.getUrl()).isEqualTo("https://scalelite.example.org/");
        assertThat(own.getSecret()).isEqualTo("s3cr3t-tenant");
        assertThat(own.getChecksumAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA1);
        assertThat(p.getTenants().get("6023").getChecksumAlgorithm()).as("unset: the shared one applies").isNull();
        assertThat(bind(Map.of("bbb.checksum-algorithm", "SHA512")).getChecksumAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA512);
    }
}
