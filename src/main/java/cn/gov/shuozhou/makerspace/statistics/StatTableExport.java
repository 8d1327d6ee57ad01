package cn.gov.shuozhou.makerspace.statistics;

import cn.gov.shuozhou.makerspace.statistics.StatTable.Cell;
import cn.gov.shuozhou.makerspace.statistics.StatTable.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Renders {@link StatTable}s as files, cell by cell as the page shows them: CSV (UTF-8 with a BOM,
 * so that Excel reads the Chinese) and xlsx (one sheet per table, named by its title; counts and
 * numbers as numeric cells). The first line holds the headers, each further line one row.
 */
final class StatTableExport {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private StatTableExport() {}

  static byte[] csv(StatTable table) {
    StringBuilder out = new StringBuilder();
    for (List<String> line : lines(table)) {
      out.append(String.join(",", line.stream().map(StatTableExport::quoted).toList())).append("\r\n");
    }
    byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, file, 0, BOM.length);
    System.arraycopy(text, 0, file, BOM.length, text.length);
    return file;
  }

  static byte[] xlsx(List<StatTable> tables) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (StatTable table : tables) {
        Sheet sheet = book.createSheet(table.title());
        var header = sheet.createRow(0);
        for (int c = 0; c < table.headers().size(); c++) {
          header.createCell(c).setCellValue(table.headers().get(c));
        }
        int r = 1;
        for (Row row : table.rows()) {
          var line = sheet.createRow(r++);
          line.createCell(0).setCellValue(row.label());
          for (int c = 0; c < row.cells().size(); c++) {
            Cell cell = row.cells().get(c);
            if (cell.value() != null && !cell.text().isEmpty()) {
              line.createCell(c + 1).setCellValue(cell.value().doubleValue());
            } else {
              line.createCell(c + 1).setCellValue(cell.text());
            }
          }
        }
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table as lines of texts: headers, then each row's label and cells. */
  static List<List<String>> lines(StatTable table) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(table.headers());
    for (Row row : table.rows()) {
      List<String> line = new ArrayList<>(List.of(row.label()));
      row.cells().forEach(c -> line.add(c.text()));
      lines.add(line);
    }
    return lines;
  }

  private static String quoted(String text) {
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
