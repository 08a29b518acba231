package io.orderflow.testsupport.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.contracts.payment.PaymentResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractExamplesTest {

    @Test
    void readsEachExampleOfASchemaWithItsAmountAsWritten() {
        List<String> examples = ContractExamples.of(PaymentResult.SCHEMA);

        assertThat(examples).hasSize(5);
        assertThat(examples.get(0)).contains("\"amount\":105.00");
        assertThat(ContractExamples.tree(examples.get(0)).get("amount").decimalValue()).isEqualTo(new BigDecimal("105.00"));
    }

    @Test
    void writesAMessageAsALaterVersionWouldWithAHigherVersionAndUnknownFields() {
        String original = ContractExamples.of(PaymentResult.SCHEMA).get(0);

        String later = ContractExamples.asLaterVersion(original);

        assertThat(ContractExamples.tree(later).get("version").asInt()).isEqualTo(2);
        assertThat(ContractExamples.tree(later).get("orderId")).isEqualTo(ContractExamples.tree(original).get("orderId"));
        assertThat(ContractExamples.tree(later).has("loyaltyPoints")).isTrue();
    }

    @Test
    void replacesOneFieldAndKeepsTheOthers() {
        String original = ContractExamples.of(PaymentResult.SCHEMA).get(0);

        String changed = ContractExamples.with(original, "outcome", "EXPLODED");

        assertThat(ContractExamples.tree(changed).get("outcome").asText()).isEqualTo("EXPLODED");
        assertThat(ContractExamples.tree(changed).get("amount")).isEqualTo(ContractExamples.tree(original).get("amount"));
    }

    @Test
    void refusesASchemaThatIsNotThere() {
        assertThatThrownBy(() -> ContractExamples.of("/schemas/nowhere/Nothing.v1.json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsWhatASchemaRejectsAndNothingInItsOwnExamples() {
        String example = ContractExamples.of(PaymentResult.SCHEMA).get(0);

        assertThat(MessageSchema.errors(PaymentResult.SCHEMA, example.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MessageSchema.errors(PaymentResult.SCHEMA,
                ContractExamples.with(example, "outcome", "EXPLODED").getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
