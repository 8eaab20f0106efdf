package io.mirrorwatch.reconciler.archfixture.finding;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Fixture: a class of a {@code finding} package that sees a Flink type. */
public record UsesFlink(TypeInformation<String> type) {}
