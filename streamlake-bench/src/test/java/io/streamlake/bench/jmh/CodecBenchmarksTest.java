package io.streamlake.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmarks compare like with like: every variant makes the same wire-format bytes. */
class CodecBenchmarksTest {

    @Test
    void givenOrdersEvent_thenStreamLakeAndPlainAvroWriteIdenticalBytes() throws Exception {
        CodecBenchmarks b = new CodecBenchmarks();
        b.setUp();
        byte[] plain = b.avroGenericDatumWriter();
        assertThat(b.avroStreamLake().bytes()).isEqualTo(plain);
        assertThat(b.avroGenericDatumWriterFromJson()).isEqualTo(plain);
        assertThat(b.avroParseValidateEncode().bytes()).isEqualTo(plain);
        assertThat(b.jsonParseValidateEncode().bytes()).hasSize(200);
        assertThat(b.jsonParse()).isInstanceOf(io.streamlake.core.domain.ParseOutcome.Parsed.class);
    }

    @Test
    void givenOrdersEvent_thenThePrepareBenchmarkPreparesItForRaw() {
        PrepareBenchmarks b = new PrepareBenchmarks();
        b.setUp();
        assertThat(b.prepareJson().toString()).startsWith("ToRaw[");
    }
}
