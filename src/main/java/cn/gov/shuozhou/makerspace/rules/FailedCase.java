package cn.gov.shuozhou.makerspace.rules;

/**
 * A regression case the new table cannot evaluate: the table is refused.
 *
 * @param name the case name
 * @param error why, in Chinese ({@link CaseFailure}): the cell or column and what is wrong with it
 */
public record FailedCase(String name, String error) {}
