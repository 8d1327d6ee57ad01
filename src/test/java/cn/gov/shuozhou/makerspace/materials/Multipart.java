package cn.gov.shuozhou.makerspace.materials;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A multipart/form-data body as a browser's FormData sends it: text fields and files. */
public final class Multipart {

  static final String BOUNDARY = "----MaterialsTestBoundary7102";

  private record FilePart(String partName, String fileName, byte[] content) {}

  private final Map<String, String> fields = new LinkedHashMap<>();
  private final List<FilePart> files = new ArrayList<>();

  /** Text fields only, to add files to. */
  public static Multipart fields(Map<String, String> fields) {
    Multipart m = new Multipart();
    m.fields.putAll(fields);
    return m;
  }

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

  /** The one file of a material upload (part {@code file}). */
  public Multipart file(String name, byte[] bytes) {
    return part("file", name, bytes);
  }

  /** A file under part {@code partName}; several may share it. */
  public Multipart part(String partName, String fileName, byte[] bytes) {
    files.add(new FilePart(partName, fileName, bytes));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n"));
    for (FilePart f : files) {
      write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.partName() + "\"; filename=\""
          + f.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      out.writeBytes(f.content());
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
