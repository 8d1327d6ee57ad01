package cn.gov.shuozhou.makerspace.statistics;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.statistics.StatTable.Cell;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bureau's statistics (docs/statistics.md; {@link Capability#READ_STATISTICS}): {@code GET
 * /api/statistics} (every section), {@code /api/statistics/cases} (the cases behind one number,
 * paged), {@code /api/statistics/{section}.xlsx|.csv}, {@code /api/statistics/annual-report.xlsx};
 * {@code POST /api/statistics/campaign/reminders} reminds a county's missing annual reports
 * ({@link Capability#SEND_CAMPAIGN_REMINDERS}); {@code POST /api/statistics/rebuild} recomputes the read model ({@link Capability#REBUILD_STATISTICS}).
 * Every filter is checked by {@link Filters}; any other parameter is refused.
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {

  static final int PAGE_SIZE = 50;
  private static final Set<String> CASE_PARAMETERS = Set.of("section", "row", "column", "page");

  private final Sections sections;
  private final StatisticsRebuild rebuild;
  private final CampaignReminders reminders;
  private final IdentityService identity;

  StatisticsController(Sections sections, StatisticsRebuild rebuild, CampaignReminders reminders,
      IdentityService identity) {
    this.sections = sections;
    this.rebuild = rebuild;
    this.reminders = reminders;
    this.identity = identity;
  }

  @GetMapping
  Map<String, Object> dashboard(@RequestParam Map<String, String> parameters) {
    AccessPolicy.require(identity, Capability.READ_STATISTICS);
    Filters filters = filters(parameters, Set.of());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("filters", filters.asParameters());
    answer.put("sections", sections.all(filters, EngineClock.now()));
    return answer;
  }

  @GetMapping("/cases")
  Map<String, Object> cases(@RequestParam Map<String, String> parameters) {
    AccessPolicy.require(identity, Capability.READ_STATISTICS);
    Filters filters = filters(parameters, CASE_PARAMETERS);
    StatTable table = sections.section(required(parameters, "section", "统计表"), filters, EngineClock.now());
    int row = index(parameters, "row", "行号", table.rows().size());
    StatTable.Row line = table.rows().get(row);
    int column = index(parameters, "column", "列号", line.cells().size());
    Cell cell = line.cells().get(column);
    if (!cell.linked()) {
      throw new InvalidInputException("column", "该列（column）不是件数，没有对应的案件清单");
    }
    List<CaseRef> cases = cell.cases();
    int pages = Math.max(1, (cases.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = parameters.containsKey("page") ? index(parameters, "page", "页码", pages) : 0;
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("title", table.title());
    answer.put("row", line.label());
    answer.put("column", table.headers().get(column + 1));
    answer.put("total", cases.size());
    answer.put("page", page);
    answer.put("pageSize", PAGE_SIZE);
    answer.put("headers", CaseRef.HEADERS);
    answer.put("cases", cases.subList(Math.min(cases.size(), page * PAGE_SIZE),
        Math.min(cases.size(), (page + 1) * PAGE_SIZE)));
    return answer;
  }

  @GetMapping("/annual-report.xlsx")
  ResponseEntity<byte[]> annualReport(@RequestParam Map<String, String> parameters) {
    AccessPolicy.require(identity, Capability.READ_STATISTICS);
    Filters filters = filters(parameters, Set.of());
    if (filters.year() == null) {
      throw new InvalidInputException("year", "年度（year）为必填项：年度统计报告按年度导出");
    }
    return file(filters.year() + "年度众创空间统计报告.xlsx", StatTableExport.XLSX,
        StatTableExport.xlsx(sections.all(filters, EngineClock.now())));
  }

  @GetMapping("/{section}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String section, @RequestParam Map<String, String> parameters) {
    StatTable table = table(section, parameters);
    return file(table.title() + ".xlsx", StatTableExport.XLSX, StatTableExport.xlsx(List.of(table)));
  }

  @GetMapping("/{section}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String section, @RequestParam Map<String, String> parameters) {
    StatTable table = table(section, parameters);
    return file(table.title() + ".csv", "text/csv;charset=UTF-8", StatTableExport.csv(table));
  }

  @PostMapping("/campaign/reminders")
  Map<String, Object> remind(@RequestBody(required = false) Map<String, Object> body) {
    AccessPolicy.require(identity, Capability.SEND_CAMPAIGN_REMINDERS);
    Inputs in = Inputs.of(body == null ? Map.of() : body).only(List.of("year", "county"));
    Integer year = in.integer("year", "年度", true, Filters.FIRST_YEAR, EngineClock.today().getYear());
    String county = in.choice("county", "县（区）", County.codes());
    in.throwIfInvalid();
    CampaignReminders.Sent sent = reminders.remind(year, county, EngineClock.now());
    return Map.of("missing", sent.missing(), "reminded", sent.reminded(), "message", County.nameOf(county) + year
        + "年度未报送年度报告 " + sent.missing() + " 家，本次发送催报提醒 " + sent.reminded() + " 家（每家每年度只提醒一次）");
  }

  @PostMapping("/rebuild")
  Map<String, Object> rebuild(@RequestBody(required = false) Map<String, Object> body) {
    AccessPolicy.require(identity, Capability.REBUILD_STATISTICS);
    if (body != null && !body.isEmpty()) {
      throw new InvalidInputException(body.keySet().stream().sorted()
          .map(n -> new FieldError(n, "不接受字段 " + n + "：本接口不接受任何字段")).toList());
    }
    int cases = rebuild.rebuild();
    return Map.of("cases", cases, "message", "统计数据已按流程历史重建，共 " + cases + " 件申请");
  }

  private StatTable table(String section, Map<String, String> parameters) {
    AccessPolicy.require(identity, Capability.READ_STATISTICS);
    return sections.section(section, filters(parameters, Set.of()), EngineClock.now());
  }

  private static Filters filters(Map<String, String> parameters, Set<String> others) {
    return Filters.read(parameters, others, EngineClock.today().getYear());
  }

  private static String required(Map<String, String> parameters, String name, String label) {
    String value = parameters.get(name);
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(name, label + "（" + name + "）为必填项");
    }
    return value;
  }

  /** A 0-based index below {@code size}; 400 naming the field otherwise. */
  private static int index(Map<String, String> parameters, String name, String label, int size) {
    String value = required(parameters, name, label);
    try {
      int index = Integer.parseInt(value.trim());
      if (index >= 0 && index < size) {
        return index;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidInputException(name, label + "（" + name + "）应为0至" + (size - 1) + "之间的整数");
  }

  private static ResponseEntity<byte[]> file(String name, String type, byte[] content) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
            .build().toString())
        .contentType(MediaType.parseMediaType(type))
        .body(content);
  }
}
