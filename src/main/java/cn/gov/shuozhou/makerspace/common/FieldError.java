package cn.gov.shuozhou.makerspace.common;

/** One refused input field: the variable name and a Chinese message naming it. */
public record FieldError(String field, String message) {}
