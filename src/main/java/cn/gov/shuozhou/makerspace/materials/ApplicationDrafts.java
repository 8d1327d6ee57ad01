package cn.gov.shuozhou.makerspace.materials;

import cn.gov.shuozhou.makerspace.application.FilingDrafts;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The drafts of a filing as the intake sees them ({@code application/ApplicationIntakeListener}):
 * the items an account uploaded for its next application, bound to the new case in the start's
 * own transaction, so a refused or failed start leaves them drafts.
 */
@Component
public class ApplicationDrafts implements FilingDrafts {

  private final MaterialFiles files;

  public ApplicationDrafts(MaterialFiles files) {
    this.files = files;
  }

  @Override
  public Set<String> draftedItems(String userId) {
    return files.lockFilingDrafts(userId).stream()
        .filter(f -> MaterialStep.APPLICATION.code().equals(f.step()))
        .map(MaterialFile::materialCode)
        .collect(Collectors.toSet());
  }

  @Override
  public void bind(String userId, String caseNumber) {
    files.submit(userId, null, caseNumber, MaterialStep.APPLICATION.code(), Instant.now());
  }
}
