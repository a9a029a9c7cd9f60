package org.gongkai.ingest.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A county workbook as a county office makes it, written with POI: a title row and a 填报单位
 * line above a two-row header with merged parent cells (序号, 乡镇（街道）, 主动公开信息（条） over
 * 总数 / 其中：政府网站 / 政策解读, 依申请公开（件） over 收到申请 / 办结, 备注), four townships of
 * 裕安区 with a number typed as text (98), an estimate (151余), a 无 and a blank, a 合计 row of
 * SUM formulas with the values Excel caches (SUM skips the two texts: C10 caches 180, not 429), a
 * note below the table, a notes sheet and a hidden sheet.
 */
public final class CountyWorkbook {
  private CountyWorkbook() {}

  public static byte[] xlsx() {
    return write(new XSSFWorkbook(), true);
  }

  public static byte[] xls() {
    return write(new HSSFWorkbook(), true);
  }

  /** The same workbook with its 合计 formulas never calculated (no cached values), as some tools write it. */
  public static byte[] xlsxUncached() {
    return write(new XSSFWorkbook(), false);
  }

  private static byte[] write(Workbook wb, boolean calculate) {
    try (wb) {
      Sheet s = wb.createSheet("2022年汇总");
      row(s, 0, "六安市裕安区2022年度各乡镇（街道）政府信息公开工作情况统计表");
      s.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
      row(s, 1, "填报单位：裕安区人民政府办公室", null, null, null, null, "填报日期：2023年1月10日");
      row(s, 3, "序号", "乡镇（街道）", "主动公开信息（条）", null, null, "依申请公开（件）", null, "备注");
      row(s, 4, null, null, "总数", "其中：政府网站", "政策解读", "收到申请", "办结");
      for (int[] m : new int[][] {{3, 4, 0, 0}, {3, 4, 1, 1}, {3, 3, 2, 4}, {3, 3, 5, 6}, {3, 4, 7, 7}}) {
        s.addMergedRegion(new CellRangeAddress(m[0], m[1], m[2], m[3]));
      }
      row(s, 5, 1, "鼓楼街道", 120, 100, 8, 5, 5);
      row(s, 6, 2, "西市街道", "151余", 130, 6, 3, 3, "估算");
      row(s, 7, 3, "苏埠镇", "98", 90, "无", 2, 2);
      row(s, 8, 4, "江家店镇", 60, 55, null, 0, 0);
      Row total = row(s, 9, "合计");
      s.addMergedRegion(new CellRangeAddress(9, 9, 0, 1));
      for (int c = 2; c <= 6; c++) {
        char col = (char) ('A' + c);
        total.createCell(c).setCellFormula("SUM(" + col + "6:" + col + "9)");
      }
      row(s, 10, "注：西市街道主动公开信息为估算数。");
      if (calculate) {
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      }
      Sheet notes = wb.createSheet("填表说明");
      row(notes, 0, "1. 本表由各乡镇（街道）填报，区政务公开办汇总。");
      row(notes, 1, "2. 估算数请注明。");
      Sheet hidden = wb.createSheet("底稿");
      row(hidden, 0, "乡镇", "政策解读");
      row(hidden, 1, "鼓楼街道", 999);
      wb.setSheetHidden(2, true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A row of values: a Number is a number cell, a String a text cell, null no cell. */
  static Row row(Sheet s, int index, Object... values) {
    Row r = s.createRow(index);
    for (int c = 0; c < values.length; c++) {
      if (values[c] instanceof Number n) {
        r.createCell(c).setCellValue(n.doubleValue());
      } else if (values[c] instanceof String t) {
        r.createCell(c).setCellValue(t);
      }
    }
    return r;
  }
}
