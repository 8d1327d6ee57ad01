package cn.gov.shuozhou.makerspace.materials;

import java.util.Set;

/**
 * Finds the PDF names that make a document act instead of being read — scripts ({@code /JavaScript},
 * {@code /JS}), embedded files ({@code /EmbeddedFile}, {@code /EmbeddedFiles}) and launch actions
 * ({@code /Launch}) — in a byte stream fed piece by piece, so a file is scanned while it streams into
 * the database. Names are compared after decoding {@code #xx} escapes ({@code /J#61vaScript} is
 * {@code /JavaScript}). An {@code /OpenAction} is harmless unless it runs one of these, which the
 * scan finds itself. Content inside compressed object streams is not inflated (docs/security.md).
 */
final class PdfActiveContentScanner {

  private static final Set<String> ACTIVE = Set.of("JavaScript", "JS", "EmbeddedFile", "EmbeddedFiles", "Launch");
  /** PDF names are at most 127 bytes; anything longer is no name we look for. */
  private static final int MAX_NAME = 127;

  private final StringBuilder name = new StringBuilder();
  private boolean inName;
  private int escape = -1; // -1: none; 0: '#' seen; 1: one hex digit seen
  private int escaped;
  private String found;

  /** Feeds the next bytes of the file. */
  void feed(byte[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length && found == null; i++) {
      accept(buffer[i] & 0xFF);
    }
  }

  /** The first active name found (e.g. {@code "/JavaScript"}), after the last byte was fed; null when none. */
  String finish() {
    endName();
    return found;
  }

  /** True as soon as an active name was seen: the upload can stop early. */
  boolean foundAny() {
    return found != null;
  }

  private void accept(int b) {
    if (inName && escape >= 0) {
      int digit = Character.digit(b, 16);
      if (digit < 0) {
        escape = -1;
        endName();
      } else if (escape == 0) {
        escaped = digit;
        escape = 1;
        return;
      } else {
        append((char) (escaped * 16 + digit));
        escape = -1;
        return;
      }
    }
    if (b == '/') {
      endName();
      inName = true;
      return;
    }
    if (!inName) {
      return;
    }
    if (delimiter(b)) {
      endName();
    } else if (b == '#') {
      escape = 0;
    } else {
      append((char) b);
    }
  }

  private void append(char c) {
    if (name.length() <= MAX_NAME) {
      name.append(c);
    }
  }

  private void endName() {
    if (inName && ACTIVE.contains(name.toString())) {
      found = "/" + name;
    }
    inName = false;
    escape = -1;
    name.setLength(0);
  }

  private static boolean delimiter(int b) {
    return b <= 0x20 || b == 0x7F || "()<>[]{}/%".indexOf(b) >= 0;
  }
}
