package io.mirrorwatch.reconciler.archfixture;

import io.mirrorwatch.agent.model.PartitionKey;

/**
 * Fixture: a class in the reconciler's packages that imports the agent. It lives in the agent's
 * tests because only there is an agent type at hand; the rule looks at package names only.
 */
public record UsesTheAgent(PartitionKey partition) {}
