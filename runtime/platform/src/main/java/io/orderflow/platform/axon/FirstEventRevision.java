package io.orderflow.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Takes every event of the contracts stored without a revision (all of them, until issue 13) to revision
 * {@value #REVISION}: the one change is that a {@code Money}, wherever it is nested, loses the derived
 * {@code "negative"} that its {@code isNegative()} leaked into the stored form. Field names and every other
 * value stay as they were. Snapshots and sagas are not events: they are read as they are (see
 * docs/decisions/0014).
 */
public final class FirstEventRevision extends SingleEventUpcaster {

    public static final String REVISION = "1";
    private static final String CONTRACTS = "io.orderflow.contracts.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && representation.getType().getName().startsWith(CONTRACTS);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), REVISION),
                JsonNode.class,
                payload -> withoutDerivedMoneyFields(payload.deepCopy()));
    }

    /** Drops {@code negative} from every object that is a {@code Money} (an amount and a currency). */
    static JsonNode withoutDerivedMoneyFields(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("amount") && object.has("currency")) {
            object.remove("negative");
        }
        node.forEach(FirstEventRevision::withoutDerivedMoneyFields);
        return node;
    }
}
