package io.mirrorwatch.agent;

import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.collect.JmxProbe;
import io.mirrorwatch.agent.collect.jmx.JmxCredentials;
import io.mirrorwatch.agent.collect.jmx.JmxScrape;
import io.mirrorwatch.agent.collect.jmx.JmxScrapeException;
import io.mirrorwatch.agent.collect.jmx.Mm2JmxCollector;
import io.mirrorwatch.agent.collect.jmx.Mm2JmxSource;
import io.mirrorwatch.agent.config.FlowConfig;
import java.time.Duration;
import java.util.List;

/** Builds the JMX probes of a flow: one JMX exporter collector per configured MM2 endpoint. */
final class JmxProbes {
  private JmxProbes() {}

  static List<JmxProbe> forFlow(FlowConfig flow, Duration deadline) {
    return flow.jmx().stream()
        .map(ep -> (JmxProbe) new Adapter(new Mm2JmxCollector(ep.url(),
            ep.username().map(u -> new JmxCredentials(u, ep.password().orElse(""))),
            flow.source(), flow.target()), deadline))
        .toList();
  }

  private record Adapter(Mm2JmxSource source, Duration deadline) implements JmxProbe {
    @Override
    public Result scrape() throws CollectException {
      try {
        JmxScrape s = source.scrape(deadline);
        return new Result(s.snapshot(), s.raw());
      } catch (JmxScrapeException e) {
        throw new CollectException(e.getMessage());
      }
    }

    @Override
    public void close() {
      source.close();
    }
  }
}
