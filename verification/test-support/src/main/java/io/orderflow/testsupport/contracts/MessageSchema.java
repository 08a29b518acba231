package io.orderflow.testsupport.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks a Kafka message, as sent, against its JSON Schema in the contracts module (draft 2020-12). */
public final class MessageSchema {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private MessageSchema() {
    }

    /** What the schema at {@code schemaLocation} (such as {@code PaymentResult.SCHEMA}) finds wrong with {@code message}. */
    public static List<String> errors(String schemaLocation, byte[] message) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + schemaLocation.substring(1)));
        return schema.validate(new String(message, StandardCharsets.UTF_8), InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
