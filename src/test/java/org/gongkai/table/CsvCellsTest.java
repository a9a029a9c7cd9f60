package org.gongkai.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {
  @Test
  void formulasStayText() {
    assertEquals("'=HYPERLINK(\"http://x\",\"点我\")", CsvCells.cell("=HYPERLINK(\"http://x\",\"点我\")"));
    assertEquals("'+8613800000000", CsvCells.cell("+8613800000000"));
    assertEquals("'-2+3", CsvCells.cell("-2+3"));
    assertEquals("'@SUM(1+1)", CsvCells.cell("@SUM(1+1)"));
    assertEquals("'\t=1", CsvCells.cell("\t=1"));
    assertEquals("'\r=1", CsvCells.cell("\r=1"));
    assertEquals("'＝1+1", CsvCells.cell("＝1+1"));
    assertEquals("'-", CsvCells.cell("-"));
    assertEquals("'=1", CsvCells.cell(new StringBuilder("=1")), "any text, whatever its type");
  }

  @Test
  void numbersStayNumbers() {
    assertEquals("-5", CsvCells.cell(-5L));
    assertEquals("-0.25", CsvCells.cell(-0.25));
    assertEquals("-5", CsvCells.cell("-5"), "text that is a plain number");
    assertEquals("-1.5E3", CsvCells.cell("-1.5E3"));
    assertEquals("1000000000000000", CsvCells.cell(1e15));
    assertEquals("", CsvCells.cell(Double.NaN));
    assertEquals("true", CsvCells.cell(true));
    assertEquals("1000余条", CsvCells.cell("1000余条"));
    assertEquals("", CsvCells.cell(null));
  }
}
