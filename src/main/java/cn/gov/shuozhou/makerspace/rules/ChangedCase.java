package cn.gov.shuozhou.makerspace.rules;

import java.util.List;
import java.util.Map;

/**
 * A regression case whose outcome differs between the active table and the new one, side by side.
 *
 * @param name the case name
 * @param inputs the variables both tables were evaluated with
 * @param before the rows of the active table
 * @param after the rows of the new table
 * @param beforeError when the active table failed on the case, its error; else null
 */
public record ChangedCase(
    String name,
    Map<String, Object> inputs,
    List<Map<String, Object>> before,
    List<Map<String, Object>> after,
    String beforeError) {}
