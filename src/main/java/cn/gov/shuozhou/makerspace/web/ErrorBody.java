package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.FieldError;
import java.util.List;

/** The JSON body of every refusal we answer: {@code type}, a Chinese {@code message}, and per-field {@code errors}. */
public record ErrorBody(String type, String message, List<FieldError> errors) {}
