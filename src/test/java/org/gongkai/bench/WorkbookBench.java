package org.gongkai.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.excel.ExcelReader;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.normalize.RegionResolver;

/**
 * The memory check of the workbook reader: the national CSV records of a {@code scripts/gen-data}
 * folder written as one .xlsx (SXSSF, one sheet per CSV file, numbers as numbers), then read by
 * {@link ExcelReader} into a sink that only counts. Run it under a small heap ({@code -Xmx256m}):
 * it prints the rows, the time and the peak heap in use.
 *
 * <pre>WorkbookBench DATA_DIR [OUT.xlsx]</pre>
 */
public final class WorkbookBench {
  private WorkbookBench() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Path xlsx = args.length > 1 ? Path.of(args[1]) : data.resolve("national.xlsx");
    if (!Files.exists(xlsx)) {
      write(data, xlsx);
    }
    byte[] bytes = Files.readAllBytes(xlsx);
    Path gazetteer = data.resolve("gazetteer.csv");
    RegionResolver resolver = new RegionResolver(GazetteerReader.read(gazetteer.toString(), Files.readAllBytes(gazetteer)));
    SourceSpec spec = new SourceSpec("national", 0, SourceSpec.Format.EXCEL, xlsx.toString(), "auto", null, null, Map.of(), 0, null);
    ExcelReader reader = new ExcelReader(spec, resolver, MetricCatalog.standard(), new ExcelReader.Limits(1 << 20, 10_000_000, 4L << 30));
    long[] n = new long[2];
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    ReadCounts c = reader.read(xlsx.toString(), bytes, new ReadSink() {
      @Override
      public void stated(org.gongkai.model.StatedFigure s) {} // a district's own figures: not what this reads

      @Override
      public void observation(Observation o) {
        n[0]++;
      }

      @Override
      public void reject(Reject r) {
        n[1]++;
      }
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("workbook %s: %,d bytes; read %,d accepted %,d rejected %,d observations %,d in %.1f s;"
        + " peak heap in use %,d MB (max heap %,d MB)%n", xlsx.getFileName(), bytes.length, c.read(), c.accepted(), c.rejected(),
        c.observations(), seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Every CSV of the data set's {@code csv/} folder as a sheet of one workbook. */
  static void write(Path data, Path xlsx) throws IOException {
    List<Path> csvs;
    try (Stream<Path> s = Files.walk(data)) {
      csvs = s.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().equals("gazetteer.csv")).sorted().toList();
    }
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(xlsx)) {
      wb.setCompressTempFiles(true);
      int sheetNo = 0;
      for (Path csv : csvs) {
        String text = EncodingDetector.decode(Files.readAllBytes(csv), "auto").text().replace("\uFEFF", "");
        Sheet sheet = wb.createSheet("s" + (++sheetNo));
        int r = 0;
        for (CSVRecord rec : CSVFormat.RFC4180.parse(new StringReader(text))) {
          Row row = sheet.createRow(r++);
          for (int i = 0; i < rec.size(); i++) {
            String v = rec.get(i);
            if (r > 1 && v.matches("\\d{1,9}")) {
              row.createCell(i).setCellValue(Long.parseLong(v));
            } else if (!v.isEmpty()) {
              row.createCell(i).setCellValue(v);
            }
          }
        }
      }
      wb.write(out);
    }
  }
}
