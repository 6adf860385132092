// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.actuate;

import de.hessen.schulportal.bbb.spring.BbbProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Masks the SDK's secrets in {@code /actuator/env} and {@code /actuator/configprops} even where
 * an operator sets {@code show-values=always}, by name and by value:
 * <ul>
 *   <li>By name: {@code bbb.secret}, {@code bbb.tenants.*.secret}, {@code bbb.portal.pseudonym-key}
 *       in every spelling Spring Boot binds (environment variables such as {@code BBB_SECRET}).</li>
 *   <li>By value: any property, whatever its name or source, whose value contains one of the
 *       configured secrets (the shared secret, every tenant's secret, the pseudonym key). This
 *       catches {@code SPRING_APPLICATION_JSON={"bbb":{"secret":…}}}, a variable such as
 *       {@code BBB_PSEUDONYM_KEY} referenced by a placeholder, and {@code --bbb.secret=…} inside
 *       {@code sun.java.command}.</li>
 * </ul>
 * Value masking uses only secrets of at least {@value #MIN_VALUE_MASK_LENGTH} characters: a
 * shorter one would be found inside unrelated values and mask half the environment. Such a
 * secret is still masked by name, but may show inside other values; BigBlueButton's secrets are
 * 32 or more hex characters, and the pseudonym key is Base64 of 32 bytes.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class BbbSanitizingAutoConfiguration {
    /** Secrets shorter than this are masked by name only. */
    public static final int MIN_VALUE_MASK_LENGTH = 12;

    /** Created by Spring. */
    public BbbSanitizingAutoConfiguration() {
    }

    /**
     * The sanitizing function. The secrets are read once, when the bean is made, from the
     * environment as Spring Boot binds them.
     *
     * @param environment the application's environment
     * @return a function that masks the SDK's secrets and leaves everything else alone
     */
    @Bean
    @ConditionalOnMissingBean(name = "bbbSanitizingFunction")
    public SanitizingFunction bbbSanitizingFunction(Environment environment) {
        List<String> secrets = configuredSecrets(Binder.get(environment));
        return data -> isSecret(data.getKey()) || containsSecret(data, secrets) ? data.withSanitizedValue() : data;
    }

    /**
     * The configured secrets long enough to be looked for inside values. Each is bound on its own,
     * so a broken property elsewhere (which fails start-up and is reported by the failure analyzer)
     * does not turn value masking off.
     */
    static List<String> configuredSecrets(Binder binder) {
        List<String> secrets = new ArrayList<>();
        bind(() -> binder.bind("bbb.secret", String.class).ifBound(secrets::add));
        bind(() -> binder.bind("bbb.portal.pseudonym-key", String.class).ifBound(secrets::add));
        bind(() -> binder.bind("bbb.tenants", Bindable.mapOf(String.class, BbbProperties.Tenant.class))
                .ifBound(tenants -> tenants.values().forEach(t -> secrets.add(t.getSecret()))));
        List<String> usable = new ArrayList<>();
        for (String s : secrets) {
            String t = s == null ? "" : s.strip();
            if (t.length() >= MIN_VALUE_MASK_LENGTH && !usable.contains(t)) {
                usable.add(t);
            }
        }
        return Collections.unmodifiableList(usable);
    }

    private static void bind(Runnable binding) {
        try {
            binding.run();
        } catch (RuntimeException e) {
            // Not bindable: start-up fails on it elsewhere, with the failure analyzer's report.
        }
    }

    private static boolean containsSecret(SanitizableData data, List<String> secrets) {
        Object value = data.getValue();
        if (value == null || secrets.isEmpty()) {
            return false;
        }
        String text = value.toString();
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return true;
            }
        }
        return false;
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
