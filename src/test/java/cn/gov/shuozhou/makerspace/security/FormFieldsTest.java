package cn.gov.shuozhou.makerspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The allow-list that DeclaredFieldsGuard reads from the packaged forms (bpmn/forms/*.form). */
class FormFieldsTest {

  private static final Path FORMS = Path.of("bpmn/forms");

  @Test
  void aTaskFormLetsItsUserWriteOnlyItsOwnFields() throws IOException {
    FormFields firstReview = FormFields.parse(Files.readAllBytes(FORMS.resolve("form-first-review.form")));
    assertThat(firstReview.writable()).containsOnlyKeys("firstReviewDecision", "firstReviewComment",
        "firstReviewSuspectsFalseMaterials", "firstReviewFalseMaterialsGrounds"); // Art. 9 suspicion (issue 15 §2)
    assertThat(firstReview.field("firstReviewComment").maxLength()).isEqualTo(2000);

    FormFields panel = FormFields.parse(Files.readAllBytes(FORMS.resolve("form-organise-expert-review.form")));
    assertThat(panel.writable()).containsOnlyKeys("experts");
    assertThat(panel.field("experts").list()).isTrue();

    FormFields assessment = FormFields.parse(Files.readAllBytes(FORMS.resolve("form-annual-assessment.form")));
    assertThat(assessment.writable()).containsOnlyKeys("reportConfirmed", "assessmentComment");
  }

  /**
   * form-js in Tasklist submits readonly fields unless they are disabled too: a field that is only
   * readonly would be sent and refused by the guard, and the task could not be completed in Tasklist.
   */
  @Test
  void everyDisplayOnlyFieldIsDisabledSoThatTasklistDoesNotSubmitIt() throws IOException {
    List<String> readonlyOnly = new ArrayList<>();
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        collectReadonlyOnly(new ObjectMapper().readTree(form.toFile()), form.getFileName() + ":", readonlyOnly);
      }
    }
    assertThat(readonlyOnly).isEmpty();
  }

  private static void collectReadonlyOnly(JsonNode container, String form, List<String> found) {
    for (JsonNode c : container.path("components")) {
      if (c.path("readonly").asBoolean() && !c.path("disabled").asBoolean()) {
        found.add(form + c.path("key").asText());
      }
      collectReadonlyOnly(c, form, found);
    }
  }
}
