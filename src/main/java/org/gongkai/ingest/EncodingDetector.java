package org.gongkai.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes input bytes. {@code auto}: a UTF-8 BOM means UTF-8, a UTF-16 BOM (LE or BE) UTF-16
 * (what Excel and WPS save as "Unicode text"); bytes that are valid UTF-8 are
 * UTF-8, and so are bytes that are UTF-8 but for a few bad sequences (a file cut inside its
 * last character, one damaged byte); anything else is GB18030 (what Excel exports in China). A
 * declared encoding is trusted; characters it cannot decode become U+FFFD, which the readers
 * reject per record. {@link #binaryKind} tells files that are not text at all.
 */
public final class EncodingDetector {
  private EncodingDetector() {}

  public static final Charset GB18030 = Charset.forName("GB18030");

  /** Decoded text and the charset that was used. */
  public record Decoded(String text, Charset charset) {}

  public static Decoded decode(byte[] bytes, String declared) {
    String enc = declared == null ? "auto" : declared.toLowerCase(Locale.ROOT);
    int bom = hasUtf8Bom(bytes) ? 3 : 0;
    Charset utf16 = utf16Bom(bytes);
    switch (enc) {
      case "utf-16", "utf-16le", "utf-16be" -> {
        Charset cs = utf16 != null ? utf16
            : enc.equals("utf-16be") ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
        int skip = utf16 != null ? 2 : 0;
        return new Decoded(new String(bytes, skip, bytes.length - skip, cs), cs);
      }
      case "utf-8", "utf8" -> {
        return new Decoded(new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      }
      case "gb18030", "gbk", "gb2312" -> {
        return new Decoded(new String(bytes, GB18030), GB18030);
      }
      default -> {
        if (utf16 != null) {
          return new Decoded(new String(bytes, 2, bytes.length - 2, utf16), utf16);
        }
        if (bom > 0) {
          return new Decoded(new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        try {
          String text =
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(bytes))
                  .toString();
          return new Decoded(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
          if (mostlyUtf8(bytes)) {
            // UTF-8 with a few bad bytes: decoding all of it as GB18030 would garble every record.
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
          }
          return new Decoded(new String(bytes, GB18030), GB18030);
        }
      }
    }
  }

  /**
   * True when the bytes are UTF-8 but for a character cut by the end of the file and at most
   * one malformed byte for every 10 well-formed multi-byte characters. GB18030 text read as
   * UTF-8 has several malformed bytes for every well-formed one.
   */
  static boolean mostlyUtf8(byte[] b) {
    long good = 0;
    long bad = 0;
    boolean cut = false;
    for (int i = 0; i < b.length; ) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
      int k = 1;
      while (n > 0 && k <= n && i + k < b.length && (b[i + k] & 0xC0) == 0x80) {
        k++;
      }
      if (n > 0 && k > n) {
        good++;
        i += n + 1;
      } else if (n > 0 && i + k == b.length) {
        cut = true;
        i = b.length;
      } else {
        bad++;
        i++;
      }
    }
    return (good > 0 || cut) && bad * 10 <= good;
  }

  /**
   * What a file that is not text is, or null for text: a known signature (a ZIP archive such as
   * an .xlsx workbook, an OLE2 .xls/.doc, PDF, images, gzip) or, in the first 8 KB, control bytes
   * (NUL and others, not tab, CR, LF, form feed or ESC) in at least 8 places and 5% of the bytes.
   * A single stray NUL in a text file is not binary: its record is rejected on its own.
   */
  public static String binaryKind(byte[] b) {
    if (utf16Bom(b) != null) {
      return null; // UTF-16 text: every other byte of its ASCII is NUL
    }
    if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
      return "ZIP 压缩包（改了扩展名的 .xlsx 或 .docx 文件？）";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return "OLE2 文档（改了扩展名的 .xls 或 .doc 文件？）";
    }
    if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
      return "PDF 文档";
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G') || startsWith(b, 0xFF, 0xD8, 0xFF) || startsWith(b, 'G', 'I', 'F', '8')) {
      return "图片";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "gzip 压缩包";
    }
    int n = Math.min(b.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
        control++;
      }
    }
    if (control >= 8 && control * 20L >= n) {
      return "二进制数据（前 " + n + " 个字节中有 " + control + " 个控制字节；UTF-16 文本？）";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The first bytes of a file in hex, for the raw text of a reject of a binary file. */
  public static String hexPreview(byte[] b, int max) {
    StringBuilder s = new StringBuilder("bytes:");
    for (int i = 0; i < Math.min(max, b.length); i++) {
      s.append(' ').append(String.format("%02x", b[i] & 0xFF));
    }
    return b.length > max ? s.append(" …").toString() : s.toString();
  }

  /** UTF-16LE or UTF-16BE when the bytes start with that byte order mark, else null. */
  static Charset utf16Bom(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }
}
