package io.streamlake.archfixture.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.archfixture.port.out.SomePort;

/** Breaks the rules on purpose: a domain value that uses Jackson and knows a port. */
public record LeakyValue(String json) {

    public String normalized(SomePort port) {
        try {
            return new ObjectMapper().readTree(json).toString() + port;
        } catch (Exception e) {
            return json;
        }
    }
}
