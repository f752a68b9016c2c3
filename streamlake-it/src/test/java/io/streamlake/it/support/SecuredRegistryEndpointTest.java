package io.streamlake.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@StreamLakeIntegrationTest
class SecuredRegistryEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCHEMA = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Secured\\\","
            + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";

    @Test
    void givenNoCredentials_then401AndNothingRegistered(SecuredRegistryEndpoint registry) throws Exception {
        String subject = registry.uniqueSubject("anonymous-value");
        HttpResponse<String> response = register(registry.url(), subject, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).isNotEmpty();
        assertThat(get(registry.unsecured().url() + "/subjects", null).body()).doesNotContain(subject);
    }

    @Test
    void givenBasicCredentials_whenRegistering_thenTheRealRegistryHasIt_andTheHeaderWasReceived(
            SecuredRegistryEndpoint registry) throws Exception {
        String subject = registry.uniqueSubject("secured-value");
        HttpResponse<String> response = register(registry.url(), subject, registry.basicAuthorization());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\"");
        assertThat(get(registry.unsecured().url() + "/subjects", null).body()).contains("\"" + subject + "\"");
        assertThat(registry.receivedAuthorizations()).contains(registry.basicAuthorization());
    }

    @Test
    void givenBearerToken_whenListingSubjects_then200(SecuredRegistryEndpoint registry) throws Exception {
        HttpResponse<String> response = get(registry.url() + "/subjects", "Bearer " + registry.token());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
        assertThat(registry.toString()).doesNotContain(registry.password()).doesNotContain(registry.token());
    }

    private static HttpResponse<String> register(String url, String subject, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(SCHEMA));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
