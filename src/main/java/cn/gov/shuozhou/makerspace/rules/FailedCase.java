package cn.gov.shuozhou.makerspace.rules;

/**
 * A regression case the new table cannot evaluate: the table is refused.
 *
 * @param name the case name
 * @param error the evaluation error
 */
public record FailedCase(String name, String error) {}
