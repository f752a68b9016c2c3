package io.streamlake.test.secure;

import io.streamlake.embedded.EmbeddedStartupException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates SCRAM-SHA-512 users through the Admin API on the PLAINTEXT listener, then waits until each broker
 * authenticates them on its SASL_SSL listener (credentials reach brokers through the metadata log, a few
 * milliseconds after the controller committed them).
 */
final class ScramUsers {

    private static final Logger LOG = LoggerFactory.getLogger(ScramUsers.class);
    private static final int PROBE_TIMEOUT_MS = 5_000;

    private ScramUsers() {}

    /**
     * Upserts {@code users} and waits until the brokers at {@code secureAddresses} authenticate each of them.
     *
     * @throws EmbeddedStartupException when that does not happen within {@code timeout}, or the Admin API refuses
     */
    static void create(
            String plaintextBootstrap,
            SaslSslSettings settings,
            List<String> secureAddresses,
            Map<String, String> users,
            Duration timeout) {
        if (users.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            upsert(plaintextBootstrap, users);
            awaitAuthenticating(settings, secureAddresses, users, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("interrupted while creating SCRAM users " + users.keySet(), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new EmbeddedStartupException(
                    "could not create SCRAM users " + users.keySet() + " on " + plaintextBootstrap + ": " + e, e);
        }
        LOG.info("SCRAM-SHA-512 users {} created on embedded Kafka cluster {}", users.keySet(), plaintextBootstrap);
    }

    private static void upsert(String plaintextBootstrap, Map<String, String> users)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (users.isEmpty()) {
            return;
        }
        List<UserScramCredentialAlteration> alterations = new ArrayList<>();
        ScramCredentialInfo info =
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SaslSslSettings.SCRAM_ITERATIONS);
        users.forEach((user, password) -> alterations.add(new UserScramCredentialUpsertion(user, info, password)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap))) {
            admin.alterUserScramCredentials(alterations).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Retries each (broker, user) until it authenticates, or fails once {@code deadline} passed. */
    private static void awaitAuthenticating(
            SaslSslSettings settings, List<String> brokerAddresses, Map<String, String> users, long deadline)
            throws InterruptedException {
        for (String address : brokerAddresses) {
            for (Map.Entry<String, String> user : users.entrySet()) {
                while (!authenticates(settings, address, user.getKey(), user.getValue())) {
                    if (System.nanoTime() > deadline) {
                        throw new EmbeddedStartupException("timed out waiting for the SASL_SSL listener at " + address
                                + " to authenticate SCRAM user " + user.getKey());
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static boolean authenticates(SaslSslSettings settings, String address, String user, String password)
            throws InterruptedException {
        Map<String, Object> props = new HashMap<>(settings.clientProperties(address, user, password));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException) {
                return false;
            }
            throw new IllegalStateException(
                    "SASL_SSL listener at " + address + " did not answer user " + user + ": " + e.getCause(),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "SASL_SSL listener at " + address + " did not answer within "
                            + Duration.ofMillis(PROBE_TIMEOUT_MS).toSeconds() + " s",
                    e);
        }
    }
}
