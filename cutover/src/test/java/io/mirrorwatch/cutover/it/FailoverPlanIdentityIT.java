package io.mirrorwatch.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.workload.Orders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The healthy case under IdentityReplicationPolicy: the replica is {@code orders} itself. */
@ExtendWith(LabExtension.class)
@LabExtension.Options(policy = PolicyKind.IDENTITY)
class FailoverPlanIdentityIT {
  @Test
  void healthyLabIsGoWithRpoZeroAndTheGroupsTranslatedPosition(Lab lab, @TempDir Path dir)
      throws Exception {
    JsonNode plan = FailoverPlanIT.healthyPlanIsGo(lab, "identity", dir);
    // Under identity the replica keeps its name: RPO, positions and consumers are on dr's orders.
    assertThat(plan.path("rpo").get(0).path("replica").asText()).isEqualTo(Orders.TOPIC);
    assertThat(plan.path("groups").get(0).path("partitions").findValuesAsText("replica"))
        .isNotEmpty()
        .containsOnly(Orders.TOPIC);
    assertThat(plan.path("producers").get(0).path("writeTo").asText()).isEqualTo(Orders.TOPIC);
  }
}
