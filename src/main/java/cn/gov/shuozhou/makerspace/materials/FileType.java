package cn.gov.shuozhou.makerspace.materials;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The accepted types, recognised by their first bytes (never by the name), with the names' extensions. */
public enum FileType {
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, List.of("pdf")),
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, List.of("jpg", "jpeg")),
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, List.of("png"));

  /** Enough leading bytes to tell every type apart. */
  public static final int MAGIC_LENGTH = 8;

  private final String mediaType;
  private final byte[] magic;
  private final List<String> extensions;

  FileType(String mediaType, byte[] magic, List<String> extensions) {
    this.mediaType = mediaType;
    this.magic = magic;
    this.extensions = extensions;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The type whose signature {@code head} starts with; empty for anything else (an executable, a text...). */
  public static Optional<FileType> detect(byte[] head, int length) {
    return Arrays.stream(values()).filter(t -> startsWith(head, length, t.magic)).findFirst();
  }

  public static Optional<FileType> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
  }

  /** True when {@code fileName} ends with one of this type's extensions (a PNG must not be saved as .html). */
  public boolean matchesName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean startsWith(byte[] head, int length, byte[] magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
