package org.gongkai.staging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFacts;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.staging.DistrictBatch;
import org.junit.jupiter.api.Test;

/** A batch crosses the shuffle whole: observations, fingerprints with their report facts, rejects. */
class DistrictBatchCoderTest {
  private static DistrictBatch roundTrip(DistrictBatch b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DistrictBatchCoder.of().encode(b, out);
    byte[] first = out.toByteArray();
    DistrictBatch back = DistrictBatchCoder.of().decode(new ByteArrayInputStream(first));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    DistrictBatchCoder.of().encode(back, again);
    assertArrayEquals(first, again.toByteArray(), "deterministic: the decoded batch encodes to the same bytes");
    return back;
  }

  @Test
  void reportFactsSurviveTheShuffle() throws Exception {
    ReportFacts facts = new ReportFacts("template", "2021-03-05", "page", "page 1 line 3", "发布时间：2021-03-05 09:30",
        List.of("overview", "published", "applications", "problems", "other"), List.of("legal"), List.of("published"), true,
        List.of(new ReportFacts.Mismatch("applications_received", "9", "offset 155", "全年共收到政府信息公开申请9件", 4,
            "page 2 table 3 row 1", "一、本年新收政府信息公开申请数量 | 4")));
    ReportFingerprint dated = new ReportFingerprint(2020, "341502108", "a.pdf", new int[] {7, -1, 3}, facts);
    ReportFingerprint unknown = new ReportFingerprint(2017, "341502105", "b.txt", new int[] {2});
    Observation o = new Observation(2020, "341502108", "applications_received", 4, Qualifier.EXACT, false, "reports", 0, 0,
        "a.pdf", "page 2 table 3 row 1", 712, "一、本年新收政府信息公开申请数量 | 4");
    DistrictBatch back = roundTrip(new DistrictBatch(List.of(o), List.of(dated, unknown),
        List.of(new RejectedRecord(2020, "341502109", "BAD_COUNT", "c.csv", "line 3"))));
    assertEquals(List.of(o), back.observations());
    assertEquals(facts, back.fingerprints().get(0).facts());
    assertArrayEquals(new int[] {7, -1, 3}, back.fingerprints().get(0).minHash());
    assertEquals(ReportFacts.none(), back.fingerprints().get(1).facts());
    assertEquals("341502105", back.fingerprints().get(1).townshipCode());
    assertEquals(1, back.rejected().size());
  }
}
