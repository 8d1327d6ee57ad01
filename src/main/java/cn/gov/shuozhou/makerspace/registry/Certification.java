package cn.gov.shuozhou.makerspace.registry;

import java.time.LocalDate;

/**
 * What certifying a space records (Art. 5(3), 11), before the registry gives it a number: the case,
 * the space and its operator, and the validity from {@code certifiedOn} through {@code validUntil}.
 */
public record Certification(String applicationNumber, Space space, String operatorName, String county,
    String applicant, LocalDate certifiedOn, LocalDate validUntil, String certificationInstanceId) {}
