package io.orderflow.testsupport.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages as the producers of version 1 wrote them: the examples of a message's JSON Schema in the contracts
 * module (their schema test proves them valid), and the same message as a later, compatible version might write
 * it. Read as text, so that each byte a consumer gets is the one a producer sent.
 */
public final class ContractExamples {

    /** Numbers kept as written: 105.00 stays 105.00. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ContractExamples() {
    }

    /** Each example of the schema at {@code schemaLocation} (such as {@code PaymentResult.SCHEMA}), as sent. */
    public static List<String> of(String schemaLocation) {
        try (InputStream in = ContractExamples.class.getResourceAsStream(schemaLocation)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema at " + schemaLocation);
            }
            List<String> examples = new ArrayList<>();
            JSON.readTree(in).get("examples").forEach(example -> examples.add(example.toString()));
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code message} as a version 2 producer might send it: a higher version and fields version 1 does not know. */
    public static String asLaterVersion(String message) {
        try {
            ObjectNode later = (ObjectNode) JSON.readTree(message);
            later.put("version", 2);
            later.put("loyaltyPoints", 12);
            later.putObject("channel").put("name", "web").putArray("tags").add("gift");
            return later.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code message} with its field {@code field} replaced. */
    public static String with(String message, String field, String value) {
        try {
            ObjectNode changed = (ObjectNode) JSON.readTree(message);
            changed.put(field, value);
            return changed.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String message) {
        try {
            return JSON.readTree(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
