package org.gongkai.pipeline;

import org.gongkai.job.JobFileReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Notice;
import org.gongkai.model.Reject;
import org.junit.jupiter.api.Test;

/** A reader's unexpected exception on one file becomes that file's one reject; what it gave before is not used. */
class HeldReadTest {
  private final SourceSpec source = JobFileReader.read(SampleJob.SAMPLE).sources().get(0);

  @Test
  void aReaderThatFailsHalfWayLeavesOneReaderErrorAndNothingElse() {
    HeldRead read = HeldRead.of((file, bytes, sink) -> {
      sink.notice(new Notice(source.name(), file, 2018, Notice.UNMAPPED_COLUMN, "line 1", "未使用的列", "x"));
      sink.reject(new Reject(source.name(), file, "line 2", 2, 2018, "a,b", "NOT_A_COUNT", "不是数"));
      throw new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 7");
    }, source, "in/broken.csv", new byte[] {1, 2, 3});

    ReadCounts c = read.counts();
    assertEquals(List.of(1L, 0L, 1L, 0L), List.of(c.read(), c.accepted(), c.rejected(), c.observations()));
    assertEquals(1, read.given().size(), read.given().toString());
    Reject r = (Reject) read.given().get(0);
    assertEquals(HeldRead.READER_ERROR, r.reasonCode());
    assertEquals("in/broken.csv", r.sourceFile());
    assertEquals(source.name(), r.source());
    assertTrue(r.reason().contains("ArrayIndexOutOfBoundsException: Index 7 out of bounds for length 7"), r.reason());
    assertTrue(r.reason().startsWith("读取该文件时读取器出错"), r.reason());
  }

  @Test
  void aReaderThatFinishesGivesAllItGaveInOrder() {
    Notice n = new Notice(source.name(), "in/ok.csv", 2018, Notice.UNMAPPED_COLUMN, "line 1", "未使用的列", "x");
    Reject r = new Reject(source.name(), "in/ok.csv", "line 2", 2, 2018, "a,b", "NOT_A_COUNT", "不是数");
    ReadCounts counts = new ReadCounts(2, 1, 1, 0, List.of(), "UTF-8");
    HeldRead read = HeldRead.of((file, bytes, sink) -> {
      sink.notice(n);
      sink.reject(r);
      return counts;
    }, source, "in/ok.csv", new byte[0]);
    assertEquals(counts, read.counts());
    assertEquals(List.of(n, r), read.given());
  }
}
