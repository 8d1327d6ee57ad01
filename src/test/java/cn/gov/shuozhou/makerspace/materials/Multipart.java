package cn.gov.shuozhou.makerspace.materials;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A multipart/form-data body as a browser's FormData sends it: text fields and one file. */
public final class Multipart {

  static final String BOUNDARY = "----MaterialsTestBoundary7102";

  private final Map<String, String> fields = new LinkedHashMap<>();
  private String fileName;
  private byte[] content;

  public static Multipart of(String step, String materialCode) {
    Multipart m = new Multipart();
    m.fields.put("step", step);
    m.fields.put("materialCode", materialCode);
    return m;
  }

  public Multipart field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  public Multipart file(String name, byte[] bytes) {
    this.fileName = name;
    this.content = bytes;
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n"));
    if (fileName != null) {
      write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      out.writeBytes(content);
      write(out, "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A small harmless PDF whose text makes it unique. */
  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n% " + text + "\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
