package cn.gov.shuozhou.makerspace.county;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The text of a year's service record in the assessment form: one line per entry, within the engine's text limit. */
class AssessmentServiceRecordListenerTest {

  @Test
  void aYearWithoutEntriesSaysSo() {
    assertThat(AssessmentServiceRecordListener.text(List.of(), 2026)).isEqualTo("2026年度县（区）科技局未记录服务。");
  }

  @Test
  void eachEntryIsOneReadableLine() {
    String text = AssessmentServiceRecordListener.text(List.of(entry(3, 2), entry(5, 0)), 2026);
    assertThat(text.lines()).containsExactly(
        "2026年3月5日　培训辅导：第3次培训（附件2件）（shuocheng1记录）",
        "2026年5月5日　培训辅导：第5次培训（shuocheng1记录）");
  }

  @Test
  void whatDoesNotFitTheEnginesTextIsCountedNotCut() {
    List<ServiceEntry> many = IntStream.rangeClosed(1, 12).mapToObj(month -> new ServiceEntry("e" + month, "SZZC-2026-001",
        LocalDate.of(2026, month, 1), "training", "培训辅导", "长".repeat(Inputs.MAX_TEXT), List.of(), null, null,
        "shuocheng1", Instant.now())).toList();
    String text = AssessmentServiceRecordListener.text(many, 2026);
    assertThat(text.length()).isLessThanOrEqualTo(Inputs.MAX_LONG_TEXT);
    assertThat(text).startsWith("2026年1月1日").endsWith("……另有11条，见服务台账（/county/）");
  }

  private static ServiceEntry entry(int month, int attachments) {
    return new ServiceEntry("e" + month, "SZZC-2026-001", LocalDate.of(2026, month, 5), "training", "培训辅导",
        "第" + month + "次培训", IntStream.range(0, attachments).mapToObj(i -> "f" + i).toList(), null, null,
        "shuocheng1", Instant.now());
  }
}
