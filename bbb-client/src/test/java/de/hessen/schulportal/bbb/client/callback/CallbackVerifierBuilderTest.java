// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The settings all four verifiers share are written once and behave the same on each. */
class CallbackVerifierBuilderTest {

    static Stream<Supplier<CallbackVerifierBuilder<?, ?>>> builders() {
        return Stream.of(RecordingReadyVerifier::builder, AnalyticsCallbackVerifier::builder,
                () -> WebhookVerifier.builder().callbackUrls("https://p.example/hook"), MeetingEndedCallbackVerifier::builder);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void sharedSetters_refuseNullWithTheParameterName(Supplier<CallbackVerifierBuilder<?, ?>> builder) {
        assertThatThrownBy(() -> builder.get().secrets((String[]) null)).isInstanceOf(NullPointerException.class).hasMessage("secrets");
        assertThatThrownBy(() -> builder.get().secrets((List<String>) null)).isInstanceOf(NullPointerException.class).hasMessage("secrets");
        assertThatThrownBy(() -> builder.get().secrets("a", null)).isInstanceOf(NullPointerException.class).hasMessage("secrets");
        assertThatThrownBy(() -> builder.get().keys((byte[]) null)).isInstanceOf(NullPointerException.class).hasMessage("keys");
        assertThatThrownBy(() -> builder.get().clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> builder.get().leeway(null)).isInstanceOf(NullPointerException.class).hasMessage("leeway");
    }

    @ParameterizedTest
    @MethodSource("builders")
    void sharedSetters_refuseInvalidValuesNamingTheParameter(Supplier<CallbackVerifierBuilder<?, ?>> builder) {
        assertThatThrownBy(() -> builder.get().secrets()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secrets");
        assertThatThrownBy(() -> builder.get().secrets("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secrets");
        assertThatThrownBy(() -> builder.get().keys(new byte[0])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys");
        assertThatThrownBy(() -> builder.get().leeway(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leeway");
        assertThatThrownBy(() -> builder.get().leeway(Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leeway");
        assertThatThrownBy(() -> builder.get().maxInputLength(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInputLength");
        assertThat(builder.get().secrets("very-secret-value-123").toString()).doesNotContain("very-secret-value-123").contains("redacted");
    }

    @ParameterizedTest
    @MethodSource("builders")
    void keysAndSecretsAreInterchangeable(Supplier<CallbackVerifierBuilder<?, ?>> builder) {
        String key = "0123456789abcdef0123456789abcdef";
        assertThat(builder.get().secrets(key).settings().keys()).hasSize(1);
        assertThat(builder.get().keys(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).settings().keys().get(0))
                .isEqualTo(builder.get().secrets(key).settings().keys().get(0));
    }

    @org.junit.jupiter.api.Test
    void allowedAlgorithms_areCheckedAgainstWhatTheVerifierSupports() {
        assertThatThrownBy(() -> RecordingReadyVerifier.builder().allowedAlgorithms()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowedAlgorithms");
        assertThatThrownBy(() -> MeetingEndedCallbackVerifier.builder().allowedAlgorithms(JwtAlgorithm.HS512))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS512");
        assertThatThrownBy(() -> WebhookVerifier.builder().allowedAlgorithms((ChecksumAlgorithm) null))
                .isInstanceOf(NullPointerException.class).hasMessage("algorithms");
        assertThat(WebhookVerifier.builder().allowedAlgorithms(ChecksumAlgorithm.SHA1).secrets("s").settings().algorithms())
                .containsExactly(ChecksumAlgorithm.SHA1);
        for (Runnable noSecret : List.<Runnable>of(() -> RecordingReadyVerifier.builder().build(),
                () -> AnalyticsCallbackVerifier.builder().build(), () -> MeetingEndedCallbackVerifier.builder().build(),
                () -> WebhookVerifier.builder().callbackUrls("https://p.example/hook").build())) {
            assertThatThrownBy(noSecret::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secrets");
        }
        assertThat(MeetingEndedCallbackVerifier.builder().keys(new byte[32]).build()).isNotNull();
        assertThatThrownBy(() -> MeetingEndedCallbackVerifier.builder().keys(new byte[31]).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
    }
}
