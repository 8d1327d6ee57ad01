package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * A user task's documentation is what Tasklist shows its staff under 描述: Chinese, without the
 * variable, rule or policy names auditors and integrators use (oldBuildingPreferred, banYears).
 */
class TaskDescriptionsTest {

  @Test
  void everyUserTasksDescriptionIsWrittenForPeople() throws IOException {
    List<String> latin = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
          for (Documentation text : task.getDocumentations()) {
            Browser.latinWords(text.getTextContent()).forEach(word ->
                latin.add(model.getFileName() + " " + task.getId() + ": " + word));
          }
        }
      }
    }
    assertThat(latin).isEmpty();
  }
}
