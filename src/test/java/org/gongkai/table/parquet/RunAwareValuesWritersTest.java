package org.gongkai.table.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

class RunAwareValuesWritersTest {
  private static final ColumnDescriptor TEXT =
      new ColumnDescriptor(new String[] {"t"}, Types.required(PrimitiveTypeName.BINARY).named("t"), 0, 0);

  @Test
  void onlyTextDictionariesAreReplaced() {
    ValuesWriterFactory f = factory(new RunAwareValuesWriters(), 1 << 20, true);
    ValuesWriter text = f.newValuesWriter(TEXT);
    assertInstanceOf(RunAwareValuesWriters.BinaryDictionary.class,
        assertInstanceOf(FallbackValuesWriter.class, text).initialWriter);
    ValuesWriter number = f.newValuesWriter(
        new ColumnDescriptor(new String[] {"n"}, Types.required(PrimitiveTypeName.INT64).named("n"), 0, 0));
    assertEquals(factory(new DefaultValuesWriterFactory(), 1 << 20, true).newValuesWriter(
        new ColumnDescriptor(new String[] {"n"}, Types.required(PrimitiveTypeName.INT64).named("n"), 0, 0)).getClass(),
        number.getClass());
    assertEquals(factory(new DefaultValuesWriterFactory(), 1 << 20, false).newValuesWriter(TEXT).getClass(),
        factory(new RunAwareValuesWriters(), 1 << 20, false).newValuesWriter(TEXT).getClass(),
        "a column without a dictionary keeps Parquet's plain writer");
  }

  /**
   * Fed the same values, with repeats by reference (of the value before and of earlier ones),
   * equal copies and reused byte arrays, in pages and row groups, and with dictionaries small
   * enough to fall back to plain: every page, encoding and dictionary page is byte for byte what
   * Parquet's own writer makes.
   */
  @Property(tries = 300)
  void pagesAndDictionariesAreParquetsOwn(@ForAll @Size(max = 400) List<@IntRange(max = 1 << 16) Integer> picks,
      @ForAll @IntRange(min = 1, max = 50) int pageEvery, @ForAll @IntRange(min = 1, max = 300) int rowGroupEvery,
      @ForAll boolean smallDictionary) throws java.io.IOException {
    int dictionaryBytes = smallDictionary ? 64 : 1 << 20;
    ValuesWriterFactory parquets = factory(new DefaultValuesWriterFactory(), dictionaryBytes, true);
    ValuesWriterFactory runAware = factory(new RunAwareValuesWriters(), dictionaryBytes, true);
    ValuesWriter expected = parquets.newValuesWriter(TEXT);
    ValuesWriter actual = runAware.newValuesWriter(TEXT);
    Binary last = null;
    byte[] reusedBytes = new byte[4]; // "值" and one digit in UTF-8
    Binary reused = Binary.fromReusedByteArray(reusedBytes); // one instance, its bytes overwritten
    Binary[] known = new Binary[13];
    for (int k = 0; k < known.length; k++) {
      known[k] = Binary.fromConstantByteArray(("值" + k).getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i < picks.size(); i++) {
      int p = picks.get(i);
      String text = "值" + (p % 13);
      Binary v = switch ((p >> 4) % 5) {
        case 0 -> last != null ? last : Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
        case 1 -> known[p % 13]; // seen before, not always the row before
        case 2 -> Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
        default -> {
          System.arraycopy(("值" + (p % 10)).getBytes(StandardCharsets.UTF_8), 0, reusedBytes, 0, 4);
          yield reused;
        }
      };
      expected.writeBytes(v);
      actual.writeBytes(v);
      last = v.isBackingBytesReused() ? null : v;
      boolean rowGroupEnds = (i + 1) % rowGroupEvery == 0 || i == picks.size() - 1;
      if ((i + 1) % pageEvery == 0 || rowGroupEnds) {
        // As Parquet's column writer asks: the page's bytes, then its encoding.
        assertArrayEquals(bytes(expected), bytes(actual));
        assertEquals(expected.getEncoding(), actual.getEncoding());
        expected.reset();
        actual.reset();
      }
      if (rowGroupEnds) {
        DictionaryPage e = expected.toDictPageAndClose();
        DictionaryPage a = actual.toDictPageAndClose();
        assertEquals(e == null, a == null);
        if (e != null) {
          assertEquals(e.getDictionarySize(), a.getDictionarySize());
          assertEquals(e.getEncoding(), a.getEncoding());
          assertArrayEquals(e.getBytes().toByteArray(), a.getBytes().toByteArray());
        }
        // Parquet starts every row group with new writers (and the same Binary may come again).
        expected = parquets.newValuesWriter(TEXT);
        actual = runAware.newValuesWriter(TEXT);
      }
    }
  }

  private static byte[] bytes(ValuesWriter w) {
    try {
      return w.getBytes().toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ValuesWriterFactory factory(ValuesWriterFactory f, int dictionaryBytes, boolean dictionary) {
    ParquetProperties props = ParquetProperties.builder().withDictionaryPageSize(dictionaryBytes)
        .withDictionaryEncoding(dictionary).withValuesWriterFactory(f).build();
    f.initialize(props);
    return f;
  }
}
