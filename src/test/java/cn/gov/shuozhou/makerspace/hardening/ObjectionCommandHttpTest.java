package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/objections}: the public's real-name objection to a running public notice, without
 * login. The server records it and correlates {@code PublicNoticeObjection}; the ID number never
 * reaches the process; a replay is not filed twice; refusals change nothing; a flood is throttled.
 */
class ObjectionCommandHttpTest extends HardeningHttpTest {

  /** Objections recorded directly in the table, as another node sharing the database files them. */
  private static final String OTHER_NODE = "NODE2-";

  @BeforeEach
  @AfterEach
  void forgetOtherNodesObjections() {
    jdbc.update("DELETE FROM ms_objection WHERE acknowledgement_number LIKE ?", OTHER_NODE + "%");
  }

  @Test
  void anyoneFilesARealNameObjectionOnceAndTheBureauGetsATask() {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    String body = objection(notice.getBusinessKey(), "13800005555", "公示的场地面积与实际不符");

    HttpResponse<String> filed = objection(body);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String number = json(filed.body()).get("acknowledgementNumber").asText();
    assertThat(number).matches("YY-\\d{4}-\\d{6}");

    List<Task> checks = objectionTasks(notice);
    assertThat(checks).hasSize(1);
    assertThat(engine.getTaskService().getVariables(checks.get(0).getId())).containsEntry(OBJECTION_TEXT, "公示的场地面积与实际不符")
        .containsEntry(OBJECTOR_NAME, "王五").containsEntry(OBJECTOR_PHONE, "13800005555");
    List<HistoricVariableInstance> all = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(notice.getId()).list();
    assertThat(all).as("the ID number is not a process variable")
        .noneMatch(v -> String.valueOf(v.getValue()).contains(VALID_ID_NUMBER));
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM ms_objection WHERE acknowledgement_number = ?", number);
    assertThat(row).containsEntry("ID_NUMBER", VALID_ID_NUMBER).containsEntry("OBJECTOR_NAME", "王五")
        .containsEntry("APPLICATION_NUMBER", notice.getBusinessKey()).containsEntry("PROCESS_INSTANCE_ID", notice.getId());
    assertThat(row.get("SOURCE_ADDRESS")).isNotNull();
    assertThat(row.get("RECEIVED_AT")).isNotNull();

    HttpResponse<String> replay = objection(body);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(json(replay.body()).get("acknowledgementNumber").asText()).isEqualTo(number);
    assertThat(json(replay.body()).get("message").asText()).contains("不重复受理");
    assertThat(objectionTasks(notice)).as("a replay is not filed twice").hasSize(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ms_objection WHERE process_instance_id = ?", Long.class,
        notice.getId())).isEqualTo(1);

    HttpResponse<String> another = objection(objection(notice.getBusinessKey(), "13800005555", "另一条理由：运营主体变更未公示"));
    assertThat(another.statusCode()).as(another.body()).isEqualTo(201);
    assertThat(objectionTasks(notice)).hasSize(2);
  }

  @Test
  void withoutARunningNoticeTheAnswerIsTheSameForUnknownAndNotYetPublishedApplications() {
    Task review = fixtures.waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    String notPublished = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).singleResult().getBusinessKey();
    Snapshot before = snapshot();

    HttpResponse<String> unknown = objection(objection("SQ-1999-0001", "13800006666", "理由"));
    HttpResponse<String> early = objection(objection(notPublished, "13800006666", "理由"));

    for (HttpResponse<String> r : List.of(unknown, early)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
      assertThat(json(r.body()).get("detail").asText()).contains("当前没有正在进行的网上公示");
    }
    assertThat(json(unknown.body()).get("detail").asText().replace("SQ-1999-0001", "X"))
        .isEqualTo(json(early.body()).get("detail").asText().replace(notPublished, "X"));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void onlyTheDeclaredFieldsAreAcceptedAndARefusalChangesNothing() {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    ObjectNode body = (ObjectNode) json(objection(notice.getBusinessKey(), "13800007777", "理由"));
    body.put("score", 100);
    body.put("objectorPhone", "13800007777");
    Snapshot before = snapshot();

    HttpResponse<String> refused = objection(body.toString());

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused.body()).get("errors").findValuesAsText("field")).containsExactly("objectorPhone", "score");
    assertThat(refusalText(refused)).containsPattern(CHINESE);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(objectionTasks(notice)).isEmpty();
  }

  @Test
  void onlyThisExactPathIsPublicAndOnlyJsonIsAccepted() {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    String body = objection(notice.getBusinessKey(), "13800008888", "理由");

    for (String variant : List.of("/api/objections/", "/api/objections;x", "/api//objections", "/api/objections/x")) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(variant)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
      assertThat(r.statusCode()).as("%s: %s", variant, r.body()).isIn(400, 401, 404);
    }
    HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/api/objections"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(415);
    assertThat(refusalText(form)).containsPattern(CHINESE);
    assertThat(objectionTasks(notice)).isEmpty();
  }

  @Test
  void aFloodIsThrottledPerPhone() {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> r = objection(objection(notice.getBusinessKey(), "13800009999", "第" + i + "条理由"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    HttpResponse<String> sixth = objection(objection(notice.getBusinessKey(), "13800009999", "第6条理由"));
    assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(429);
    assertThat(json(sixth.body()).get("detail").asText()).contains("手机号码");
    assertThat(objectionTasks(notice)).hasSize(5);
    // the same objection again is still answered with its acknowledgement
    assertThat(objection(objection(notice.getBusinessKey(), "13800009999", "第1条理由")).statusCode()).isEqualTo(200);
  }

  /**
   * The limits are counted from the filed objections in the database, so objections filed through
   * another node sharing it count too. Changed: before, each node counted in its memory (rows of
   * another node were not seen), and refused requests counted against the address.
   */
  @Test
  void theLimitsCountTheObjectionsOfEveryNodeFromTheDatabase() {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    String phone = "13800009996";
    for (int i = 1; i <= 5; i++) {
      filedByAnotherNode(notice, "10.0.0.2", phone);
    }
    Snapshot before = snapshot();
    HttpResponse<String> byPhone = objection(objection(notice.getBusinessKey(), phone, "理由"));
    assertThat(byPhone.statusCode()).as(byPhone.body()).isEqualTo(429);
    assertThat(json(byPhone.body()).get("detail").asText()).contains("手机号码").containsPattern(CHINESE);
    assertThat(snapshot()).as("a refusal changes nothing").isEqualTo(before);

    String address = jdbc.queryForObject("SELECT source_address FROM ms_objection WHERE acknowledgement_number = ?",
        String.class, acknowledgement(objection(objection(notice.getBusinessKey(), "13800009995", "理由一"))));
    long fromHere = jdbc.queryForObject("SELECT COUNT(*) FROM ms_objection WHERE source_address = ? AND received_at > ?",
        Long.class, address, new Timestamp(EngineClock.now().getTime() - 3_600_000));
    for (long i = fromHere; i < 60; i++) {
      filedByAnotherNode(notice, address, "1360000%04d".formatted(i));
    }
    HttpResponse<String> byAddress = objection(objection(notice.getBusinessKey(), "13800009994", "理由二"));
    assertThat(byAddress.statusCode()).as(byAddress.body()).isEqualTo(429);
    assertThat(json(byAddress.body()).get("detail").asText()).contains("网络地址");
    assertThat(objectionTasks(notice)).hasSize(1);

    // an hour later the address may object again
    jdbc.update("UPDATE ms_objection SET received_at = ? WHERE acknowledgement_number LIKE ?",
        new Timestamp(EngineClock.now().getTime() - 3_600_001), OTHER_NODE + "%");
    HttpResponse<String> later = objection(objection(notice.getBusinessKey(), "13800009994", "理由二"));
    assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
  }

  private void filedByAnotherNode(ProcessInstance notice, String address, String phone) {
    String number = OTHER_NODE + java.util.UUID.randomUUID().toString().substring(0, 20);
    jdbc.update("INSERT INTO ms_objection (acknowledgement_number, application_number, process_instance_id, "
            + "objector_name, id_number, phone, reasons, source_address, received_at, replay_key) "
            + "VALUES (?, ?, ?, '赵六', ?, ?, '另一节点受理的异议', ?, ?, ?)",
        number, notice.getBusinessKey(), notice.getId(), VALID_ID_NUMBER, phone, address,
        new Timestamp(EngineClock.now().getTime()), number);
  }

  private static String acknowledgement(HttpResponse<String> filed) {
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return json(filed.body()).get("acknowledgementNumber").asText();
  }

  private static String objection(String applicationNumber, String phone, String reasons) {
    ObjectNode body = JSON.createObjectNode();
    body.put("applicationNumber", applicationNumber);
    body.put("name", "王五");
    body.put("idNumber", VALID_ID_NUMBER);
    body.put("phone", phone);
    body.put("reasons", reasons);
    return body.toString();
  }

  private List<Task> objectionTasks(ProcessInstance notice) {
    return engine.getTaskService().createTaskQuery().processInstanceId(notice.getId())
        .taskDefinitionKey(TASK_HANDLE_OBJECTION).list();
  }
}
