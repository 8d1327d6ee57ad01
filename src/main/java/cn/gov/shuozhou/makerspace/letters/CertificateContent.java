package cn.gov.shuozhou.makerspace.letters;

import java.time.LocalDate;

/** What the certificate (A4 landscape) shows. */
public record CertificateContent(String certificateNumber, String spaceName, String operatorName,
    String spaceAddress, LocalDate certifiedOn, LocalDate validUntil) {}
