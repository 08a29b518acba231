package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full fault campaign, not part of CI: {@code ./mvnw -pl :proof -am verify -Pfaults -Dtest=FullFaultCampaignTest -Dsurefire.failIfNoSpecifiedTests=false -Dfaults.duration=PT10M}
 * (or {@code verification/proof/faults.sh PT10M}). Parameters: {@link FaultCampaign.Plan#fromSystemProperties()}.
 */
@Tag("faults")
class FullFaultCampaignTest {

    @Test
    void theStoreIsConsistentAfterTheFullFaultCampaign() {
        FaultCampaign.Report report = FaultCampaign.run("fault-campaign", FaultCampaign.Plan.fromSystemProperties());

        assertThat(report.passed()).as(report.render()).isTrue();
    }
}
