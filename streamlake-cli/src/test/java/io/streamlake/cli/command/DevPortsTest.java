package io.streamlake.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DevPortsTest {

    @Test
    void givenWantedPortTakenOnLoopback_thenTheNextFreePortUpIsChosen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int wanted = taken.getLocalPort();
            assertThat(DevPorts.isFree(wanted)).isFalse();
            int chosen = DevPorts.firstFree(wanted, Set.of());
            assertThat(chosen).isGreaterThan(wanted);
            assertThat(DevPorts.isFree(chosen)).isTrue();
        }
    }

    @Test
    void givenWantedPortFree_thenItIsChosen_unlessReserved() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        assertThat(DevPorts.firstFree(free, Set.of())).isEqualTo(free);
        assertThat(DevPorts.firstFree(free, Set.of(free))).isGreaterThan(free);
    }
}
