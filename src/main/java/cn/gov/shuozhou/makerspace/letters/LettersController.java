package cn.gov.shuozhou.makerspace.letters;

import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The letters' doors: the list of a case's letters and the download of one letter (the applicant's
 * organisation and the case's staff, {@link LetterAccess}); the public download of a certificate is
 * a public page's ({@code publicpages/PublicPagesController}). Read-only: there is no way to change
 * or delete a letter. None of them takes a parameter.
 */
@RestController
public class LettersController {

  private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern LETTER_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** One letter in a case's list; {@code url} downloads it. */
  public record LetterView(String id, String kind, String title, String documentNumber, LocalDate issuedOn,
      String sha256, String url) {
    static LetterView of(LetterSummary l) {
      return new LetterView(l.id(), l.kind().name(), l.title(), l.documentNumber(), l.issuedOn(), l.sha256(),
          "/api/letters/" + l.id());
    }
  }

  private final LetterArchive archive;
  private final LetterAccess access;

  public LettersController(LetterArchive archive, LetterAccess access) {
    this.archive = archive;
    this.access = access;
  }

  @GetMapping("/api/my/applications/{applicationNumber}/letters")
  public List<LetterView> list(@PathVariable String applicationNumber, @RequestParam Map<String, String> parameters) {
    Inputs.onlyParameters(parameters, Set.of());
    if (!CASE_NUMBER.matcher(applicationNumber).matches()) {
      throw new InvalidInputException(List.of(new FieldError("applicationNumber", "申请编号（applicationNumber）格式不正确")));
    }
    List<LetterSummary> letters = archive.ofApplication(applicationNumber);
    String creditCode = letters.isEmpty() ? access.creditCodeOf(applicationNumber) : letters.get(0).creditCode();
    access.require(applicationNumber, letters.stream().map(LetterSummary::certificateNumber)
        .filter(Objects::nonNull).findFirst().orElse(null), creditCode,
        () -> LetterAccess.caseNotFound(applicationNumber));
    return letters.stream().map(LetterView::of).toList();
  }

  @GetMapping("/api/letters/{id}")
  public ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam Map<String, String> parameters) {
    Inputs.onlyParameters(parameters, Set.of());
    if (!LETTER_ID.matcher(id).matches()) {
      throw new InvalidInputException(List.of(new FieldError("id", "文书标识（id）格式不正确")));
    }
    Supplier<ApiRefusal> notFound = () -> new ApiRefusal(ProblemType.NOT_FOUND, "未找到该文书：" + id);
    LetterSummary letter = archive.find(id).orElseThrow(notFound);
    access.require(letter.applicationNumber(), letter.certificateNumber(), letter.creditCode(), notFound);
    return LetterDownload.of(archive, letter);
  }
}
