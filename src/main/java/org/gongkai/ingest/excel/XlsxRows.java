package org.gongkai.ingest.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx read in bounded memory: POI's {@link XSSFReader} gives the parts, and each sheet's XML
 * is read by SAX, one row at a time (never an {@code XSSFWorkbook}, which holds every cell). Cells
 * keep what the file stores: the number, the text, a formula's cached value or none.
 */
final class XlsxRows {
  private XlsxRows() {}

  static void read(OPCPackage pkg, WorkbookRows rows) throws IOException, SAXException {
    try {
      XSSFReader reader = new XSSFReader(pkg);
      SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
      Map<String, Boolean> visible = visibility(reader);
      XSSFReader.SheetIterator sheets = reader.getSheetIterator();
      int number = 0;
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          number++;
          String name = sheets.getSheetName();
          if (rows.startSheet(name, number, visible.getOrDefault(name, true))) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new SheetHandler(strings, rows));
            xml.parse(new InputSource(sheet));
          }
          rows.endSheet();
        }
      }
    } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | javax.xml.parsers.ParserConfigurationException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Sheet name → visible (state neither hidden nor veryHidden), from workbook.xml. */
  private static Map<String, Boolean> visibility(XSSFReader reader)
      throws IOException, SAXException, javax.xml.parsers.ParserConfigurationException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
    Map<String, Boolean> out = new HashMap<>();
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(new DefaultHandler() {
      @Override
      public void startElement(String uri, String local, String qName, Attributes a) {
        if (local.equals("sheet")) {
          String state = a.getValue("state");
          out.put(a.getValue("name"), state == null || state.equals("visible"));
        }
      }
    });
    try (InputStream in = reader.getWorkbookData()) {
      xml.parse(new InputSource(in));
    }
    return out;
  }

  /** The cells of {@code <sheetData>}, row by row. */
  private static final class SheetHandler extends DefaultHandler {
    private final SharedStrings strings;
    private final WorkbookRows rows;
    private final StringBuilder text = new StringBuilder();
    private List<Cell> cells;
    private int row;
    private int nextColumn;
    private int column;
    private String type;
    private boolean formula;
    private boolean value;
    private boolean collecting;

    SheetHandler(SharedStrings strings, WorkbookRows rows) {
      this.strings = strings;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      switch (local) {
        case "row" -> {
          String r = a.getValue("r");
          row = r == null ? row + 1 : Integer.parseInt(r);
          cells = new ArrayList<>();
          nextColumn = 0;
        }
        case "c" -> {
          String ref = a.getValue("r");
          column = ref == null ? nextColumn : columnOf(ref);
          nextColumn = column + 1;
          type = a.getValue("t");
          formula = false;
          value = false;
          text.setLength(0);
        }
        case "f" -> formula = true;
        case "v", "t" -> {
          collecting = true;
          if (local.equals("v")) {
            value = true;
          }
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collecting) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (local) {
        case "v", "t" -> collecting = false;
        case "c" -> {
          Cell c = cell();
          if (c != null) {
            cells.add(c);
          }
        }
        case "row" -> {
          if (!cells.isEmpty()) {
            rows.row(row, cells);
          }
          cells = null;
        }
        default -> {}
      }
    }

    private Cell cell() {
      String t = type == null ? "n" : type;
      boolean inline = t.equals("inlineStr");
      if (!value && !inline) {
        return formula ? new Cell(column, null, false, true) : null;
      }
      String v = text.toString();
      return switch (t) {
        case "s" -> {
          String shared = strings.getItemAt(Integer.parseInt(v.strip())).getString();
          yield shared.isEmpty() && !formula ? null : new Cell(column, shared, false, formula);
        }
        case "n" -> v.isBlank() ? (formula ? new Cell(column, null, false, true) : null)
            : new Cell(column, Cell.number(Double.parseDouble(v)), true, formula);
        case "b" -> new Cell(column, v.strip().equals("1") ? "TRUE" : "FALSE", false, formula);
        default -> v.isEmpty() && !formula ? null : new Cell(column, v, false, formula); // str, inlineStr, e (#DIV/0!)
      };
    }

    /** The 0-based column of a reference such as C7. */
    private static int columnOf(String ref) {
      int c = 0;
      for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
        c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
      }
      return c - 1;
    }
  }
}
