package cn.gov.shuozhou.makerspace.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one dictionary of readable values, and the forms that show the same codes. */
class ReadableValuesTest {

  @Test
  void ratiosDatesNumbersAndCodesReadAsPeopleReadThem() {
    assertThat(ReadableValues.ratio(2, 3)).isEqualTo("2/3（67%）");
    assertThat(ReadableValues.ratio(1, 3)).isEqualTo("1/3（33%）");
    assertThat(ReadableValues.ratio(5, 5)).isEqualTo("5/5（100%）");
    assertThat(ReadableValues.ratio(0, 0)).isEqualTo("0/0");
    assertThat(ReadableValues.clause("培训指标未达要求，限期整改。 ")).isEqualTo("培训指标未达要求，限期整改");
    assertThat(ReadableValues.clause("复核合格；")).isEqualTo("复核合格");
    assertThat(ReadableValues.clause("面积为 2.5")).isEqualTo("面积为 2.5");
    assertThat(ReadableValues.clause(null)).isNull();
    Date date = Date.from(ZonedDateTime.of(2026, 12, 6, 14, 30, 59, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    assertThat(ReadableValues.dateTime(date)).isEqualTo("2026年12月6日 14:30");
    assertThat(ReadableValues.number(80.0)).isEqualTo("80");
    assertThat(ReadableValues.number(90.5)).isEqualTo("90.5");
    assertThat(ReadableValues.label("county", "shuocheng")).isEqualTo("朔城区");
    assertThat(ReadableValues.label("premises", "leased")).isEqualTo("租赁");
    assertThat(ReadableValues.label("recommend", true)).isEqualTo("推荐认定");
    assertThat(ReadableValues.label("county", "atlantis")).as("unknown codes stay as they are").isEqualTo("atlantis");
  }

  /** County takes its names from the dictionary: it must name every county, and only those. */
  @Test
  void theDictionaryNamesEveryCounty() throws IOException {
    JsonNode counties = new ObjectMapper().readTree(getClass().getClassLoader().getResource(ReadableValues.DICTIONARY))
        .get("county");
    assertThat(counties.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(County.codes());
    assertThat(County.values()).allSatisfy(county -> assertThat(county.displayName()).matches("\\p{IsHan}+"));
    assertThat(County.nameOf("devzone")).isEqualTo("朔州经济开发区");
  }

  /** Every option a form offers for a variable the dictionary knows has the dictionary's label. */
  @Test
  void theFormsOptionsAgreeWithTheDictionary() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode dictionary = json.readTree(getClass().getClassLoader().getResource(ReadableValues.DICTIONARY));
    int checked = 0;
    try (Stream<Path> forms = Files.list(Path.of("bpmn/forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        for (JsonNode field : json.readTree(form.toFile()).findParents("values")) {
          JsonNode table = dictionary.get(field.path("key").asText());
          if (table == null) {
            continue;
          }
          for (JsonNode option : field.get("values")) {
            assertThat(table.path(option.get("value").asText()).asText())
                .as("%s: %s = %s", form.getFileName(), field.path("key").asText(), option.get("value").asText())
                .isEqualTo(option.get("label").asText());
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
  }
}
