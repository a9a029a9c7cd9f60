package org.gongkai.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes input bytes. {@code auto}: a UTF-8 BOM means UTF-8; bytes that are valid UTF-8 are
 * UTF-8; anything else is GB18030 (what Excel exports in China). A declared encoding is
 * trusted; characters it cannot decode become U+FFFD, which the readers reject per record.
 */
public final class EncodingDetector {
  private EncodingDetector() {}

  public static final Charset GB18030 = Charset.forName("GB18030");

  /** Decoded text and the charset that was used. */
  public record Decoded(String text, Charset charset) {}

  public static Decoded decode(byte[] bytes, String declared) {
    String enc = declared == null ? "auto" : declared.toLowerCase(Locale.ROOT);
    int bom = hasUtf8Bom(bytes) ? 3 : 0;
    switch (enc) {
      case "utf-8", "utf8" -> {
        return new Decoded(new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      }
      case "gb18030", "gbk", "gb2312" -> {
        return new Decoded(new String(bytes, GB18030), GB18030);
      }
      default -> {
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
          return new Decoded(new String(bytes, GB18030), GB18030);
        }
      }
    }
  }

  static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }
}
