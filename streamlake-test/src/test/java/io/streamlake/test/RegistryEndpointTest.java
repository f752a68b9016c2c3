package io.streamlake.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@StreamLakeTest
class RegistryEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void givenSharedRegistry_whenSchemaRegisteredUnderUniqueSubject_thenItIsListed(RegistryEndpoint registry)
            throws Exception {
        String subject = registry.uniqueSubject("smoke-value");
        String body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Smoke\\\",\\\"fields\\\":"
                + "[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
        HttpResponse<String> registered = HTTP.send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/" + subject + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

        HttpResponse<String> subjects = HTTP.send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.body()).contains("\"" + subject + "\"");
    }

    @Test
    void givenTwoRequests_thenBothGetTheSameRegistry(RegistryEndpoint first, RegistryEndpoint second) {
        assertThat(first).isSameAs(second);
        assertThat(first.url()).endsWith("/apis/ccompat/v7");
    }
}
