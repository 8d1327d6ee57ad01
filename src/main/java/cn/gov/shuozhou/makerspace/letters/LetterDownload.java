package cn.gov.shuozhou.makerspace.letters;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A letter as a browser downloads it: the archived PDF, named by title and number, with its hash. */
public final class LetterDownload {

  private LetterDownload() {}

  public static ResponseEntity<byte[]> of(LetterArchive archive, LetterSummary letter) {
    String name = letter.title() + "-" + letter.documentNumber() + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Letter-SHA256", letter.sha256())
        .body(archive.pdf(letter.id()));
  }
}
