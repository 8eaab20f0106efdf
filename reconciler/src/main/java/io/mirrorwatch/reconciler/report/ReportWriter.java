package io.mirrorwatch.reconciler.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code report.json} next to the findings files. report.html comes in a later step. */
public final class ReportWriter {
  private ReportWriter() {}

  public static Path write(Path reportDir, Report report) {
    Path file = reportDir.resolve("report.json");
    try {
      Files.createDirectories(reportDir);
      FindingsFiles.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), ReportJson.render(report));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
