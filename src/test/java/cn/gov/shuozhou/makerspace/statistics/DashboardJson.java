package cn.gov.shuozhou.makerspace.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reading the dashboard's JSON ({@code GET /api/statistics}) in the statistics tests: sections, rows, the texts shown. */
final class DashboardJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DashboardJson() {}

  /** The answer's body, after checking its status. */
  static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  static JsonNode section(JsonNode dashboard, String key) {
    for (JsonNode s : dashboard.get("sections")) {
      if (s.get("key").asText().equals(key)) {
        return s;
      }
    }
    throw new AssertionError("no section " + key);
  }

  static JsonNode row(JsonNode section, String label) {
    return section.get("rows").get(indexOf(section, label));
  }

  static int indexOf(JsonNode section, String label) {
    for (int i = 0; i < section.get("rows").size(); i++) {
      if (section.get("rows").get(i).get("label").asText().equals(label)) {
        return i;
      }
    }
    throw new AssertionError("no row " + label + " in " + section);
  }

  /** A row as the page shows it: its label, then each cell's text. */
  static List<String> texts(JsonNode row) {
    List<String> texts = new ArrayList<>(List.of(row.get("label").asText()));
    row.get("cells").forEach(c -> texts.add(c.get("text").asText()));
    return texts;
  }

  /** The rows of a section as the page shows them (without the headers). */
  static List<List<String>> rows(JsonNode section) {
    List<List<String>> rows = new ArrayList<>();
    section.get("rows").forEach(r -> rows.add(texts(r)));
    return rows;
  }

  /** The section as the page shows it: headers, then each row's texts. */
  static List<List<String>> lines(JsonNode section) {
    List<List<String>> lines = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    section.get("headers").forEach(h -> headers.add(h.asText()));
    lines.add(headers);
    lines.addAll(rows(section));
    return lines;
  }
}
