package cn.gov.shuozhou.makerspace.materials;

import java.io.IOException;
import java.io.InputStream;

/** A file a door received and has not read yet: its name exactly as sent and its content, opened once. */
public record ReceivedFile(String name, Content content) {

  /** Opens the content (a multipart part spooled to disk by the servlet container). */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }
}
