package org.gongkai.html;

import org.gongkai.staging.Parts;
import org.gongkai.staging.Strings;
import static org.gongkai.html.HtmlReport.escape;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.RejectedRecord;

/**
 * The rejected records of a district's townships on report.html: staged per district beside the
 * sections ({@code _parts/rejects/}), shown with the district's detail, at most {@link #SHOWN}.
 */
public final class HtmlReportRejects {
  static final int SHOWN = 50;

  private HtmlReportRejects() {}

  /** A rejected record of a known township. */
  public record Row(int year, String townshipCode, String townshipName, String reasonCode, String file, String locator)
      implements Serializable {}

  /** The rejects of one district: the first {@link #SHOWN} rows, and how many there are. */
  public record District(String districtCode, List<Row> rows, int total) implements Serializable {
    public District {
      rows = List.copyOf(rows);
    }
  }

  /** The rejects of a district's townships, in the order given (year, township, file, line). */
  public static District of(String districtCode, List<RejectedRecord> rejected, Gazetteer gazetteer) {
    List<Row> rows = new ArrayList<>();
    for (RejectedRecord r : rejected.subList(0, Math.min(SHOWN, rejected.size()))) {
      rows.add(new Row(r.year(), r.townshipCode(), gazetteer.nameOf(r.townshipCode()), r.reasonCode(), r.sourceFile(),
          r.locator()));
    }
    return new District(districtCode, rows, rejected.size());
  }

  /** The table of a district's rejects, file names shortened to the job's folder. */
  static void table(StringBuilder b, District d, JobPaths paths) {
    b.append("<div class=\"rejects\"><h4>拒收记录（").append(d.total()).append(" 条）</h4>\n")
        .append("<table class=\"rejects\"><thead><tr><th>年度</th><th>乡镇</th><th>原因代码</th><th>文件</th>")
        .append("<th>位置</th></tr></thead>\n<tbody>\n");
    for (Row r : d.rows()) {
      b.append("<tr><td>").append(r.year()).append("</td><td>").append(escape(r.townshipName()))
          .append("<br><span class=\"code\">").append(escape(r.townshipCode())).append("</span></td><td class=\"code\">")
          .append(escape(r.reasonCode())).append("</td><td>").append(escape(paths.shorten(r.file())))
          .append("</td><td>").append(escape(r.locator())).append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
    if (d.total() > d.rows().size()) {
      b.append("<p class=\"omitted\">此处列出前 ").append(d.rows().size()).append(" 条，其余 ")
          .append(d.total() - d.rows().size()).append(" 条见 rejects 表。</p>\n");
    }
    b.append("</div>\n");
  }

  public static final Parts.Codec<District> CODEC = new Parts.Codec<>() {
    @Override
    public void write(DataOutputStream out, District d) throws IOException {
      Strings.write(out, d.districtCode());
      out.writeInt(d.total());
      out.writeInt(d.rows().size());
      for (Row r : d.rows()) {
        out.writeInt(r.year());
        Strings.write(out, r.townshipCode());
        Strings.write(out, r.townshipName());
        Strings.write(out, r.reasonCode());
        Strings.write(out, r.file());
        Strings.write(out, r.locator());
      }
    }

    @Override
    public District read(DataInputStream in) throws IOException {
      String code = Strings.read(in);
      int total = in.readInt();
      int n = in.readInt();
      List<Row> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        rows.add(new Row(in.readInt(), Strings.read(in), Strings.read(in), Strings.read(in), Strings.read(in),
            Strings.read(in)));
      }
      return new District(code, rows, total);
    }
  };
}
