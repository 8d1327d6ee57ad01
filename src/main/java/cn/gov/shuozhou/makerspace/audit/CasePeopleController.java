package cn.gov.shuozhou.makerspace.audit;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.UserNames.Person;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/history/process-instances/{id}/people}: the names of the people a case's history names ({@link CasePeople}). */
@RestController
public class CasePeopleController {

  private final CasePeople people;

  public CasePeopleController(CasePeople people) {
    this.people = people;
  }

  @GetMapping("/api/history/process-instances/{processInstanceId}/people")
  public List<Person> people(@PathVariable String processInstanceId, @RequestParam Map<String, String> parameters) {
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    return people.of(processInstanceId);
  }
}
