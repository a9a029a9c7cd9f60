package org.gongkai.table.parquet;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Parquet's own encoders, but a text column's dictionary that knows the value of the row
 * before. {@link RowFileWriter} hands the very same Binary again when a cell repeats the
 * row before's (rows come grouped by district and township), so an identical reference is
 * the same dictionary entry without hashing and comparing its bytes: the dictionary lookup was
 * a tenth of a national run's CPU samples. Pages and dictionary pages are byte for byte what
 * parquet-java's own encoders write ({@code RunAwareValuesWritersTest}).
 *
 * <p>Each file gets its own factory ({@code ParquetProperties.Builder.withValuesWriterFactory})
 * and encoders made for its own settings: parquet-java 1.15's default factory keeps the
 * settings of whichever writer initialised it last, shared by the JVM.
 */
public final class RunAwareValuesWriters implements ValuesWriterFactory {
  private static final DefaultValuesWriterFactory DEFAULTS = new DefaultValuesWriterFactory();

  private ParquetProperties properties;

  @Override
  public void initialize(ParquetProperties properties) {
    this.properties = properties;
  }

  @Override
  public ValuesWriter newValuesWriter(ColumnDescriptor column) {
    ValuesWriter w;
    synchronized (DEFAULTS) {
      DEFAULTS.initialize(properties);
      w = DEFAULTS.newValuesWriter(column);
    }
    if (w instanceof FallbackValuesWriter<?, ?> f && f.initialWriter instanceof PlainBinaryDictionaryValuesWriter) {
      boolean v1 = properties.getWriterVersion() == ParquetProperties.WriterVersion.PARQUET_1_0;
      return FallbackValuesWriter.of(new BinaryDictionary(properties.getDictionaryPageSizeThreshold(),
          v1 ? Encoding.PLAIN_DICTIONARY : Encoding.RLE_DICTIONARY,
          v1 ? Encoding.PLAIN_DICTIONARY : Encoding.PLAIN, properties.getAllocator()), f.fallBackWriter);
    }
    return w;
  }

  /**
   * Parquet's dictionary of a text column, with the entry of the value before remembered, and
   * those of recent values by reference: a township's names recur every few rows of the
   * comparison table (ordered by metric), each time the same Binary.
   */
  static final class BinaryDictionary extends PlainBinaryDictionaryValuesWriter {
    private static final int SLOTS = 1024; // direct-mapped by identity hash: bounded, no allocation
    private final Binary[] seen = new Binary[SLOTS];
    private final int[] seenId = new int[SLOTS];
    private Binary last;
    private int lastId;

    BinaryDictionary(int maxDictionaryByteSize, Encoding forDataPage, Encoding forDictionaryPage,
        ByteBufferAllocator allocator) {
      super(maxDictionaryByteSize, forDataPage, forDictionaryPage, allocator);
    }

    @Override
    public void writeBytes(Binary v) {
      if (v.isBackingBytesReused()) {
        // A Binary whose bytes may change later can't be recognised by reference.
        lastId = entry(v);
        last = null;
      } else if (v != last) {
        int slot = System.identityHashCode(v) & (SLOTS - 1);
        if (seen[slot] != v) {
          seen[slot] = v;
          seenId[slot] = entry(v);
        }
        last = v;
        lastId = seenId[slot];
      }
      encodedValues.add(lastId);
    }

    private int entry(Binary v) {
      int id = binaryDictionaryContent.getInt(v);
      if (id == -1) {
        id = binaryDictionaryContent.size();
        binaryDictionaryContent.put(v.copy(), id);
        dictionaryByteSize += 4L + v.length();
      }
      return id;
    }

    @Override
    protected void clearDictionaryContent() {
      super.clearDictionaryContent();
      java.util.Arrays.fill(seen, null);
      last = null;
    }
  }
}
