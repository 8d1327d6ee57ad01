package cn.gov.shuozhou.makerspace.rules;

import java.util.List;
import java.util.Map;

/**
 * One case evaluated against two versions of a decision (the deployed table and an uploaded one),
 * side by side.
 *
 * @param name the case name
 * @param inputs the variables both versions were evaluated with
 * @param baselineRows rows of the baseline (current) version
 * @param candidateRows rows of the candidate (new) version
 * @param baselineError failure of the baseline version, else null
 * @param candidateError failure of the candidate version, else null
 * @param same true when neither failed and the candidate produced the same rows as the baseline
 *     (compared on the baseline's columns)
 */
public record CaseComparison(
    String name,
    Map<String, Object> inputs,
    List<Map<String, Object>> baselineRows,
    List<Map<String, Object>> candidateRows,
    String baselineError,
    String candidateError,
    boolean same) {}
