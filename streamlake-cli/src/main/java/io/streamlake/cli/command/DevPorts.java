package io.streamlake.cli.command;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;

/**
 * Finds the port {@code dev} listens on: the wanted one, or the next one up that nobody listens on.
 *
 * <p>A port counts as free when it can be bound both on the loopback address and on all addresses, so a
 * Docker-published {@code 0.0.0.0:9092} and a loopback-only listener are both seen. The probe releases the port
 * before the server binds it; a process that takes it in between makes the start fail with a bind error.
 */
final class DevPorts {

    /** How many ports above the wanted one are tried. */
    static final int SEARCHED = 100;

    private DevPorts() {}

    /**
     * The first free port from {@code wanted} up, skipping {@code reserved}.
     *
     * @throws IllegalStateException when none of {@value #SEARCHED} ports is free
     */
    static int firstFree(int wanted, Set<Integer> reserved) {
        for (int port = wanted; port < wanted + SEARCHED && port <= 65535; port++) {
            if (!reserved.contains(port) && isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port among " + wanted + ".." + Math.min(65535, wanted + SEARCHED - 1));
    }

    static boolean isFree(int port) {
        return canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                && canBind(new InetSocketAddress(port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address, 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
