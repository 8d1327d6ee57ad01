package cn.gov.shuozhou.makerspace.letters;

import java.time.Instant;
import java.time.LocalDate;

/** A stored letter without its bytes: what lists show. */
public record LetterSummary(String id, LetterKind kind, String title, String documentNumber, String applicationNumber,
    String certificateNumber, String creditCode, LocalDate issuedOn, Instant createdAt, String sha256) {}
