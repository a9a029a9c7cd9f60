package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gongkai.ingest.ReadCounts;

/** Whatever the bytes, reading a report never throws and conserves: read == accepted + rejected == 1. */
class ReportPropertiesTest {
  private static final ReportReader READER = ReportFixtures.reader();

  private static void conserves(String file, byte[] bytes) {
    ReportFixtures.Collect c = new ReportFixtures.Collect();
    ReadCounts counts = READER.read(file, bytes, c);
    assertEquals(1, counts.read());
    assertEquals(1, counts.accepted() + counts.rejected());
    assertEquals(counts.rejected(), c.rejects.size());
    assertEquals(counts.observations(), c.observations.size());
    assertEquals(counts.accepted(), c.fingerprints.size());
    for (var o : c.observations) {
      assertTrue(o.value() >= 0 && o.evidence().length() <= 200 && o.townshipCode().length() == 9);
    }
  }

  @Property(tries = 200)
  void arbitraryBytes(@ForAll byte[] bytes) {
    conserves("x.txt", bytes);
    conserves("x.html", bytes);
  }

  @Property(tries = 200)
  void arbitraryStrings(@ForAll("reportish") String text) {
    conserves("r.txt", text.getBytes(StandardCharsets.UTF_8));
    conserves("r.htm", text.getBytes(Charset.forName("GB18030")));
  }

  /** Strings made of report words, numbers, separators and noise, to reach the rules. */
  @Provide
  Arbitrary<String> reportish() {
    List<String> words = List.of("六安市裕安区江家店镇", "2018年度", "政府信息公开工作年度报告", "主动公开", "政务公开网站", "信息",
        "786条", "1000余条", "约50件", "二十九篇", "政策解读", "重点领域", "未发生", "申请", "咨询投诉", "均已回复", "人大代表建议",
        "政协委员提案", "各", "分别为", "行政复议", "行政诉讼", "上年", "2017年", "将", "截至", "累计", "其中", "，", "。", "\n", "\n\n",
        "|", " ", "0", "7", "、", "（七）总计", "本年新收政府信息公开申请数量", "自然人", "总计", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "<table><tr><td>", "</td><td>", "</td></tr></table>", "<p>", "無", "鎮", "\u0000", "\uFFFD");
    Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(words), Arbitraries.strings().ofMaxLength(6));
    return word.list().ofMaxSize(80).map(l -> String.join("", l));
  }
}
