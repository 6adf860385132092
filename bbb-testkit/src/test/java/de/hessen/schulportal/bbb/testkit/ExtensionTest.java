// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BbbSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {
    static BbbSimulator staticField;
    BbbSimulator instanceField;

    @Test
    @Order(1)
    void parameterAndFields_sameSimulator(BbbSimulator sim) {
        assertThat(sim).isSameAs(staticField).isSameAs(instanceField);
        new Api(sim).create("room-ext");
    }

    @Test
    @Order(2)
    void stateShared_withinTheClass(BbbSimulator sim) {
        assertThat(sim.meeting("room-ext")).isPresent();
        assertThat(Api.text(Api.getRaw(sim.apiUrl()), "returncode")).isEqualTo("SUCCESS");
    }
}
