package cn.gov.shuozhou.makerspace.materials;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;

/** Reading the files of a {@code multipart/form-data} request the same way at every upload door. */
public final class MultipartFiles {

  /** Room for the multipart envelope and the small fields around the files. */
  static final long ENVELOPE_BYTES = 64 * 1024;
  private static final Pattern QUOTED_NAME = Pattern.compile("filename=\"([^\"]*)\"");

  private MultipartFiles() {}

  public static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /**
   * Refuses a request longer than {@code maxFileBytes} plus the envelope, or of unknown length,
   * before its body is read, so nothing of it reaches the disk either.
   */
  public static void requireLength(HttpServletRequest request, String field, long maxFileBytes, String tooLarge) {
    long length = request.getContentLengthLong();
    if (length < 0) {
      throw new InvalidInputException(field, "上传请求须声明长度（Content-Length）");
    }
    if (length > maxFileBytes + ENVELOPE_BYTES) {
      throw new InvalidInputException(field, tooLarge);
    }
  }

  /**
   * The files sent under {@code field}, in order; a file input left empty (no name, no content) is
   * no file. A file under any other name is refused: a door takes exactly the fields it declares.
   */
  public static List<ReceivedFile> files(HttpServletRequest request, String field) throws IOException, ServletException {
    List<ReceivedFile> files = new ArrayList<>();
    for (Part part : request.getParts()) {
      String name = submittedName(part);
      if (name == null) {
        continue; // a plain field: the door checks its fields itself
      }
      if (!field.equals(part.getName())) {
        throw new InvalidInputException(part.getName(), "不接受文件字段 " + part.getName() + "：文件只能以 " + field + " 提交");
      }
      if (!name.isEmpty() || part.getSize() > 0) {
        files.add(new ReceivedFile(name, part::getInputStream));
      }
    }
    return files;
  }

  /**
   * The file name exactly as sent, null for a plain field: Tomcat's {@code getSubmittedFileName()}
   * drops backslashes (it reads them as escapes), which would let {@code c:\x\a.pdf} pass the name
   * check as {@code c:xa.pdf}. Browsers send {@code "} as {@code %22}; {@code filename*} (RFC 5987) is decoded.
   */
  static String submittedName(Part part) {
    String header = part.getHeader("Content-Disposition");
    if (header == null) {
      return null;
    }
    if (header.contains("filename*=")) {
      return ContentDisposition.parse(header).getFilename();
    }
    Matcher quoted = QUOTED_NAME.matcher(header);
    return quoted.find() ? quoted.group(1) : null;
  }
}
