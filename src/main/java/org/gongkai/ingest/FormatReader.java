package org.gongkai.ingest;

/** Reads one input file of a source into observations and rejects. Never throws on bad data. */
public interface FormatReader {
  /**
   * @param file the file's path or URI as the job names it (it appears in provenance)
   * @param bytes the whole file
   */
  ReadCounts read(String file, byte[] bytes, ReadSink sink);
}
