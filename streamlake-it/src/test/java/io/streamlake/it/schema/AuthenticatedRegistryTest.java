package io.streamlake.it.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.SchemaRegistryException;
import io.streamlake.schema.registry.compat.PreparedSchema;
import io.streamlake.test.RegistryEndpoint;
import io.streamlake.test.secure.AuthenticatingRegistryProxy;
import io.streamlake.test.secure.RegistryCredentials;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema module against the real registry behind an authenticating proxy (basic and bearer). */
@StreamLakeIntegrationTest
class AuthenticatedRegistryTest {

    private static final RegistryCredentials CREDENTIALS = new RegistryCredentials("svc", "pa55-word", "tok-42");

    private AuthenticatingRegistryProxy proxy;
    private String prefix;

    @BeforeEach
    void start(RegistryEndpoint registry) throws Exception {
        proxy = AuthenticatingRegistryProxy.start(registry.url(), CREDENTIALS);
        prefix = registry.uniqueSubject("auth").replace('-', '_');
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private SchemaModule module(String key, String secret) {
        Map<String, String> props = new HashMap<>(Map.of(
                SchemaConfig.SERIALIZATION_CONFIG,
                "avro",
                SchemaConfig.REGISTRY_URL_CONFIG,
                proxy.url(),
                SchemaConfig.REGISTRY_RETRY_BACKOFF_MS_CONFIG,
                "1"));
        props.put(key, secret);
        return SchemaModuleFactory.create(new SchemaConfig(props), new TopicNaming(prefix));
    }

    @Test
    void givenBasicAuth_thenTheDatasetIsRegisteredThroughTheProxy() {
        SchemaModule module = module(SchemaConfig.REGISTRY_BASIC_AUTH_USER_INFO_CONFIG, "svc:pa55-word");
        module.verifyRegistryReachable();
        PreparedSchema prepared =
                module.prepare(DatasetName.of("orders"), Optional.empty()).orElseThrow();
        assertThat(module.registry().schemaById(prepared.schemaId())).isEqualTo(prepared.writerSchema());
        assertThat(proxy.receivedAuthorizations()).isNotEmpty().allMatch(CREDENTIALS.basicAuthorization()::equals);
    }

    @Test
    void givenBearerToken_thenTheRegistryAnswers() {
        SchemaModule module = module(SchemaConfig.REGISTRY_BEARER_TOKEN_CONFIG, "tok-42");
        module.prepare(DatasetName.of("payments"), Optional.empty());
        assertThat(proxy.receivedAuthorizations()).isNotEmpty().allMatch("Bearer tok-42"::equals);
    }

    @Test
    void givenWrongPassword_thenFatalAfterOneRequestWithoutThePassword() {
        SchemaModule module = module(SchemaConfig.REGISTRY_BASIC_AUTH_USER_INFO_CONFIG, "svc:wrong-secret");
        assertThatThrownBy(module::verifyRegistryReachable).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.isRetriable()).isFalse();
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains(proxy.url()).doesNotContain("wrong-secret");
        });
        assertThat(proxy.receivedAuthorizations()).hasSize(1);
    }
}
