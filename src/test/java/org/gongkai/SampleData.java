package org.gongkai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.model.Gazetteer;

/** The project's sample data, for tests (Maven runs them from the project root). */
public final class SampleData {
  private SampleData() {}

  public static final Path ROOT = Path.of("sample-data");
  private static Gazetteer gazetteer;

  public static synchronized Gazetteer gazetteer() {
    if (gazetteer == null) {
      try {
        Path p = ROOT.resolve("gazetteer.csv");
        gazetteer = GazetteerReader.read(p.toString(), Files.readAllBytes(p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return gazetteer;
  }
}
