// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.actuate;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks the SDK's secrets in {@code /actuator/env} and {@code /actuator/configprops} even where
 * an operator sets {@code show-values=always}: {@code bbb.secret}, {@code bbb.tenants.*.secret},
 * {@code bbb.portal.pseudonym-key}, in every spelling Spring Boot binds (environment variables
 * such as {@code BBB_SECRET} included).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class BbbSanitizingAutoConfiguration {
    /** Created by Spring. */
    public BbbSanitizingAutoConfiguration() {
    }

    /**
     * The sanitizing function.
     *
     * @return a function that masks the SDK's secrets and leaves everything else alone
     */
    @Bean
    @ConditionalOnMissingBean(name = "bbbSanitizingFunction")
    public SanitizingFunction bbbSanitizingFunction() {
        return data -> isSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    /**
     * Whether a key names one of the SDK's secrets. The environment endpoint shows full names in
     * any relaxed form ({@code bbb.secret}, {@code BBB_SECRET}, {@code bbb.portal.pseudonymKey});
     * the configprops endpoint shows the names inside the {@code bbb} bean ({@code secret},
     * {@code pseudonymKey}), which are masked under every prefix, harmlessly.
     *
     * @param key the key as the endpoint shows it
     * @return {@code true} to mask its value
     */
    static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
        if (k.equals("secret") || k.equals("pseudonymkey")) {
            return true;
        }
        if (!k.startsWith("bbb.")) {
            return false;
        }
        return k.endsWith(".secret") || k.endsWith(".pseudonymkey") || k.equals("bbb.portal.pseudonym.key")
                || k.startsWith("bbb.retention.previouspseudonymkeys") || k.startsWith("bbb.retention.previous.pseudonym.keys")
                || k.startsWith("bbb.tenants.") && k.contains(".secret");
    }
}
