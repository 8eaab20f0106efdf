package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes {@code report.json} and {@code report.html} next to the findings files. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * @param samples the findings shown in report.html, per kind ({@link FindingsFiles#samples()})
   */
  public static Path write(Path reportDir, Report report, Map<FindingKind, List<Finding>> samples) {
    Path file = reportDir.resolve("report.json");
    Path html = reportDir.resolve("report.html");
    try {
      Files.createDirectories(reportDir);
      FindingsFiles.JSON
          .writerWithDefaultPrettyPrinter()
          .writeValue(file.toFile(), ReportJson.render(report));
      Files.writeString(html, ReportHtml.render(report, samples), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + reportDir, e);
    }
  }
}
