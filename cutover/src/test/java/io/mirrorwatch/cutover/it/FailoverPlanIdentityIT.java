package io.mirrorwatch.cutover.it;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
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
    FailoverPlanIT.healthyPlanIsGo(lab, "identity", dir);
  }
}
