package io.streamlake.cli.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.core.domain.FatalStreamLakeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a StreamLake file source connector on a Connect worker: the worker validates the configuration first
 * ({@code PUT /connector-plugins/…/config/validate}), which also says which keys the connector declares, so that only
 * those of StreamLake's settings are sent; exactly-once is asked for and dropped when the worker does not support it.
 * Used by {@code connect submit} and {@code demo --connect}.
 */
public final class ConnectorSubmission {

    /** Connect's settings of exactly-once source connectors (KIP-618). */
    static final String EXACTLY_ONCE_SUPPORT = "exactly.once.support";

    static final String TRANSACTION_BOUNDARY = "transaction.boundary";

    /** What the worker did. */
    public record Outcome(String url, String name, boolean created, boolean exactlyOnce, Map<String, String> config) {}

    /** The worker rejected settings: key to its errors. Nothing was put. */
    public static final class RejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, List<String>> errors;

        RejectedException(String url, Map<String, List<String>> errors) {
            super("the Connect worker at " + url + " rejects the connector's settings: " + errors);
            this.errors = Map.copyOf(errors);
        }

        public Map<String, List<String>> errors() {
            return errors;
        }
    }

    private ConnectorSubmission() {}

    /**
     * The configuration of a file source connector: StreamLake's {@code settings} (those the connector does not
     * declare are dropped by {@link #put}), byte-array converters, and the connector's own keys.
     *
     * @param inputPaths absolute paths (files, directories or globs), as the worker sees them
     * @param keyField   the key field, or null
     */
    public static Map<String, String> fileSource(
            Map<String, String> settings, String dataset, List<Path> inputPaths, int tasks, String keyField) {
        Map<String, String> config = new LinkedHashMap<>(settings);
        config.put("connector.class", ConnectCommand.CONNECTOR_CLASS);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("key.converter", ConnectCommand.BYTE_ARRAY_CONVERTER);
        config.put("value.converter", ConnectCommand.BYTE_ARRAY_CONVERTER);
        config.put("header.converter", ConnectCommand.BYTE_ARRAY_CONVERTER);
        config.put("dataset", dataset);
        config.put(
                "input.path",
                String.join(",", inputPaths.stream().map(Path::toString).toList()));
        if (keyField != null) {
            config.put("key.field", keyField);
        }
        config.put(EXACTLY_ONCE_SUPPORT, "required");
        config.put(TRANSACTION_BOUNDARY, "connector");
        return config;
    }

    /**
     * Validates and creates or updates connector {@code name}; {@code beforePut} runs once the worker accepted the
     * settings, before the connector is put (e.g. to provision its topics).
     *
     * @throws RejectedException when the worker rejects a setting (other than exactly-once support)
     * @throws io.streamlake.core.domain.RetriableStreamLakeException when the worker cannot be reached
     * @throws FatalStreamLakeException when the worker lacks the plugin or refuses the connector
     */
    public static Outcome put(String url, String name, Map<String, String> candidate, Runnable beforePut) {
        ConnectRestClient client = new ConnectRestClient(url);
        Map<String, String> config = new LinkedHashMap<>(candidate);
        config.put("name", name);
        Validation validation = validate(client, config);
        config.keySet().retainAll(validation.known());
        boolean exactlyOnce = true;
        Map<String, List<String>> errors = new LinkedHashMap<>(validation.errors());
        if (errors.containsKey(EXACTLY_ONCE_SUPPORT)) {
            errors.remove(EXACTLY_ONCE_SUPPORT);
            errors.remove(TRANSACTION_BOUNDARY);
            config.remove(EXACTLY_ONCE_SUPPORT);
            config.remove(TRANSACTION_BOUNDARY);
            exactlyOnce = false;
        }
        if (!errors.isEmpty()) {
            throw new RejectedException(client.url(), errors);
        }
        beforePut.run();
        ConnectRestClient.Answer put = client.put("/connectors/" + ConnectRestClient.encode(name) + "/config", config);
        for (int attempt = 0; put.status() == 409 && attempt < 20; attempt++) {
            sleep(); // the group is rebalancing
            put = client.put("/connectors/" + ConnectRestClient.encode(name) + "/config", config);
        }
        if (!put.ok()) {
            throw new FatalStreamLakeException(
                    "the Connect worker at " + client.url() + " refused connector '" + name + "': " + put.message());
        }
        return new Outcome(client.url(), name, put.status() == 201, exactlyOnce, Map.copyOf(config));
    }

    private record Validation(Set<String> known, Map<String, List<String>> errors) {}

    private static Validation validate(ConnectRestClient client, Map<String, String> config) {
        String plugin = ConnectCommand.CONNECTOR_CLASS.substring(ConnectCommand.CONNECTOR_CLASS.lastIndexOf('.') + 1);
        ConnectRestClient.Answer answer = client.put("/connector-plugins/" + plugin + "/config/validate", config);
        if (answer.status() == 404
                || (answer.status() == 400 && answer.message().contains("find"))) {
            throw new FatalStreamLakeException("the Connect worker at " + client.url() + " has no " + plugin
                    + " plugin: unzip the streamlake-connect plugin into its plugin.path and restart it ("
                    + answer.message() + ")");
        }
        if (!answer.ok()) {
            throw new FatalStreamLakeException("the Connect worker at " + client.url()
                    + " could not validate the connector's settings: " + answer.message());
        }
        Set<String> known = new HashSet<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode entry : answer.body().path("configs")) {
            String key = entry.path("definition")
                    .path("name")
                    .asText(entry.path("value").path("name").asText());
            known.add(key);
            for (JsonNode error : entry.path("value").path("errors")) {
                errors.computeIfAbsent(key, k -> new ArrayList<>()).add(error.asText());
            }
        }
        return new Validation(known, errors);
    }

    /**
     * Throws when a task of the connector failed, naming it and the first line of its trace.
     *
     * @throws FatalStreamLakeException a task failed
     */
    public static void requireNoFailedTask(String url, String name) {
        ConnectRestClient client = new ConnectRestClient(url);
        ConnectRestClient.Answer status = client.get("/connectors/" + ConnectRestClient.encode(name) + "/status");
        for (JsonNode task : status.body().path("tasks")) {
            if (task.path("state").asText().equals("FAILED")) {
                throw new FatalStreamLakeException("task " + task.path("id").asInt() + " of connector '" + name
                        + "' failed: "
                        + task.path("trace").asText().lines().findFirst().orElse(""));
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FatalStreamLakeException("interrupted while waiting for the Connect worker", e);
        }
    }
}
