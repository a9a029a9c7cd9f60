package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.Reject;
import org.junit.jupiter.api.Test;

/** The {@code report} source format: one file, one report, accepted with observations or rejected once. */
class ReportReaderTest {
  static final String SEED = "341503111-2018-jiangjiadian.txt";

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSeedReportGivesItsFiguresWithProvenance() throws Exception {
    byte[] seed = Files.readAllBytes(ReportFixtures.REPORTS.resolve(SEED));
    ReportFixtures.Collect c = ReportFixtures.read(ReportFixtures.reader(), "sample-data/reports/" + SEED, seed);
    assertEquals(1, c.counts.read());
    assertEquals(1, c.counts.accepted());
    assertEquals(10, c.counts.observations());
    assertEquals("UTF-8", c.counts.charset());
    Observation total = c.get("published_total");
    assertEquals("341503111", total.townshipCode());
    assertEquals(2018, total.year());
    assertEquals(1786, total.value());
    assertEquals(Qualifier.LOWER_BOUND, total.qualifier());
    assertTrue(total.derived());
    Observation policy = c.get("policy_interpretations");
    assertEquals("reports", policy.source());
    assertEquals(2, policy.sourceOrder());
    assertEquals("offset " + policy.position(), policy.locator());
    String text = new String(seed, StandardCharsets.UTF_8);
    assertEquals("29", text.substring((int) policy.position(), (int) policy.position() + 2));
    assertTrue(policy.evidence().contains("政策解读29条") && policy.evidence().length() <= 200);
    assertEquals(1, c.fingerprints.size());
    assertEquals(MinHash.SLOTS, c.fingerprints.get(0).minHash().length);
    assertEquals("341503111", c.fingerprints.get(0).townshipCode());
  }

  @Test
  void regionAndYearFromTheTitleInItsCommonForms() {
    String[][] cases = {
      {"六安市裕安区江家店镇2018年度政府信息公开工作年度报告", "341503111", "2018"},
      {"金安区木厂镇人民政府2017年政府信息公开工作年度报告", "341502100", "2017"},
      {"六安市金安区城北镇人民政府关于2017年度政府信息公开工作的报告", "341502111", "2017"},
      {"2019年度叶集区三元镇政府信息公开工作年度报告", "341504102", "2019"},
      {"中市街道办事处2018年政府信息公开工作年度报告", "341502001", "2018"},
      {"六安市裕安區蘇埠鎮二〇一七年政府資訊公開工作年度報告", "341503100", "2017"},
      {"关于印发苏埠镇政府信息公开工作2020年度报告的通知", "341503100", "2020"},
    };
    for (String[] c : cases) {
      ReportFixtures.Collect r = ReportFixtures.read(ReportFixtures.reader(), "r.txt", bytes(c[0] + "\n\n全年主动公开政府信息100条。\n"));
      assertEquals(1, r.counts.accepted(), c[0] + " " + r.rejects);
      assertEquals(c[1], r.observations.get(0).townshipCode(), c[0]);
      assertEquals(Integer.parseInt(c[2]), r.observations.get(0).year(), c[0]);
    }
  }

  @Test
  void theOpeningSentenceServesWhenThereIsNoTitle() {
    String text = "发布时间：2018-03-01\n\n现将裕安区江家店镇2017年度政府信息公开工作情况报告如下：全年主动公开政府信息100条。";
    ReportFixtures.Collect r = ReportFixtures.read(ReportFixtures.reader(), "r.txt", bytes(text));
    assertEquals("341503111", r.observations.get(0).townshipCode());
    assertEquals(2017, r.observations.get(0).year());
  }

  @Test
  void fileNamePatternAndSourceDefaultsOverride() {
    var source = ReportFixtures.source(null, null, "^(?<region>\\d{9})-(?<year>\\d{4})");
    String text = "政府信息公开工作年度报告\n\n全年主动公开政府信息100条。";
    ReportFixtures.Collect r = ReportFixtures.read(ReportFixtures.reader(source, 1 << 20), "in/341502100-2017-x.txt", bytes(text));
    assertEquals("341502100", r.observations.get(0).townshipCode());
    assertEquals(2017, r.observations.get(0).year());
    // the file name wins over the title
    ReportFixtures.Collect t = ReportFixtures.read(ReportFixtures.reader(source, 1 << 20), "341502100-2019-x.txt",
        bytes("裕安区江家店镇2018年政府信息公开工作年度报告\n全年主动公开政府信息100条。"));
    assertEquals("341502100", t.observations.get(0).townshipCode());
    assertEquals(2019, t.observations.get(0).year());
    // defaults: a one-township source with a default year
    var defaults = ReportFixtures.source(2018, "六安市金安区马头镇", null);
    ReportFixtures.Collect d = ReportFixtures.read(ReportFixtures.reader(defaults, 1 << 20), "x.txt", bytes("全年主动公开政府信息100条。"));
    assertEquals("341502101", d.observations.get(0).townshipCode());
    assertEquals(2018, d.observations.get(0).year());
    // a district as the source's region narrows a name the title leaves ambiguous
    var district = ReportFixtures.source(null, "叶集区", null);
    ReportFixtures.Collect n = ReportFixtures.read(ReportFixtures.reader(district, 1 << 20), "x.txt",
        bytes("孙岗2019年度政府信息公开工作年度报告\n全年主动公开政府信息560条。"));
    assertEquals("341504200", n.observations.get(0).townshipCode());
  }

  static Reject rejectOf(String file, byte[] bytes) {
    ReportFixtures.Collect r = ReportFixtures.read(ReportFixtures.reader(), file, bytes);
    assertEquals(1, r.counts.read());
    assertEquals(1, r.counts.rejected(), r.observations.toString());
    assertEquals(0, r.counts.observations());
    assertTrue(r.observations.isEmpty() && r.fingerprints.isEmpty());
    assertEquals(1, r.rejects.size());
    return r.rejects.get(0);
  }

  @Test
  void rejectsSayWhy() throws Exception {
    var dir = ReportFixtures.REPORTS.resolve("unresolvable");
    Reject unknown = rejectOf("feixi.txt", Files.readAllBytes(dir.resolve("feixi-shangpai-2018.txt")));
    assertEquals("UNKNOWN_REGION", unknown.reasonCode());
    assertTrue(unknown.reason().contains("合肥市肥西县上派镇"), unknown.reason());
    Reject ambiguous = rejectOf("sungang.txt", Files.readAllBytes(dir.resolve("sungang-ambiguous-2019.txt")));
    assertEquals("AMBIGUOUS_REGION", ambiguous.reasonCode());
    assertTrue(ambiguous.reason().contains("341502108") && ambiguous.reason().contains("341504200"), ambiguous.reason());
    assertEquals(2019, ambiguous.year());
    assertEquals("MISSING_YEAR", rejectOf("n.txt", Files.readAllBytes(dir.resolve("no-title.txt"))).reasonCode());
    ReportFixtures.Collect noRegion = ReportFixtures.read(ReportFixtures.reader(ReportFixtures.source(2018, null, null), 1 << 20),
        "n.txt", Files.readAllBytes(dir.resolve("no-title.txt")));
    assertEquals("MISSING_REGION", noRegion.rejects.get(0).reasonCode());
    assertEquals("NOT_A_REPORT", rejectOf("a.txt", bytes("这是一份会议通知，请各单位准时参加。")).reasonCode());
    assertEquals("NOT_A_REPORT", rejectOf("empty.txt", new byte[0]).reasonCode());
  }

  @Test
  void tooLargeIsCheckedBeforeDecoding() {
    ReportFixtures.Collect r = ReportFixtures.read(ReportFixtures.reader(ReportFixtures.source(null, null, null), 10), "big.txt", new byte[11]);
    assertEquals("REPORT_TOO_LARGE", r.rejects.get(0).reasonCode());
    assertTrue(r.rejects.get(0).reason().contains("11"));
  }

  @Test
  void binaryGarbageIsABadEncodingNotACrash() {
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    assertEquals("BAD_ENCODING", rejectOf("x.bin", garbage).reasonCode());
    byte[] utf16 = "六安市裕安区江家店镇2018年度政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_16LE);
    assertEquals("BAD_ENCODING", rejectOf("u16.txt", utf16).reasonCode());
  }

  @Test
  void gb18030AndHtmlAreDecodedAndFlattened() {
    String html = "<html><head><meta charset=\"gbk\"><title>马头镇2018年度政府信息公开工作年度报告</title></head>"
        + "<body><p>全年主动公开政府信息１２０条。</p><script>var x='主动公开信息999条';</script></body></html>";
    ReportFixtures.Collect r = ReportFixtures.read(ReportFixtures.reader(), "x.htm", html.getBytes(Charset.forName("GB18030")));
    assertEquals("GB18030", r.counts.charset());
    assertEquals(1, r.observations.size());
    assertEquals(120, r.observations.get(0).value());
    assertEquals("341502101", r.observations.get(0).townshipCode());
  }

  @Test
  void similarityOfFingerprints() throws Exception {
    String seed = Files.readString(ReportFixtures.REPORTS.resolve(SEED));
    int[] a = MinHash.signature(ReportFixtures.extract(seed).body());
    int[] copy = MinHash.signature(ReportFixtures.extract(seed.replace("江家店镇", "苏埠镇").replace("786", "512")).body());
    int[] other = MinHash.signature(ReportFixtures.extract(Files.readString(ReportFixtures.REPORTS.resolve("341502100-2017-muchang.txt"))).body());
    assertEquals(1.0, ReportReader.similarity(a, a));
    assertTrue(MinHash.similarity(a, copy) > 0.8, "a copied report: " + MinHash.similarity(a, copy));
    assertTrue(MinHash.similarity(a, other) < 0.3, "different reports: " + MinHash.similarity(a, other));
    assertEquals(0.0, MinHash.similarity(MinHash.signature(""), MinHash.signature("")));
    assertEquals(0.0, MinHash.similarity(a, new int[3]));
  }
}
