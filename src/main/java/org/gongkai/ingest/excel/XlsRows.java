package org.gongkai.ingest.excel;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * An .xls (BIFF8, POI HSSF). The format holds at most 65,536 rows a sheet and the file is
 * bounded by {@code limits.max_workbook_bytes} before it is opened, so the workbook model fits.
 */
final class XlsRows {
  private XlsRows() {}

  static void read(HSSFWorkbook wb, WorkbookRows rows) {
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      Sheet sheet = wb.getSheetAt(i);
      boolean visible = !wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i);
      if (rows.startSheet(sheet.getSheetName(), i + 1, visible)) {
        for (Row r : sheet) {
          List<Cell> cells = new ArrayList<>();
          for (org.apache.poi.ss.usermodel.Cell c : r) {
            Cell cell = cell(c);
            if (cell != null) {
              cells.add(cell);
            }
          }
          if (!cells.isEmpty()) {
            rows.row(r.getRowNum() + 1, cells);
          }
        }
      }
      rows.endSheet();
    }
  }

  private static Cell cell(org.apache.poi.ss.usermodel.Cell c) {
    boolean formula = c.getCellType() == CellType.FORMULA;
    CellType type = formula ? c.getCachedFormulaResultType() : c.getCellType();
    int col = c.getColumnIndex();
    return switch (type) {
      case NUMERIC -> new Cell(col, Cell.number(c.getNumericCellValue()), true, formula);
      case STRING -> {
        String s = c.getStringCellValue();
        yield s.isEmpty() && !formula ? null : new Cell(col, s, false, formula);
      }
      case BOOLEAN -> new Cell(col, c.getBooleanCellValue() ? "TRUE" : "FALSE", false, formula);
      case ERROR -> new Cell(col, FormulaError.forInt(c.getErrorCellValue()).getString(), false, formula);
      default -> formula ? new Cell(col, null, false, true) : null;
    };
  }
}
