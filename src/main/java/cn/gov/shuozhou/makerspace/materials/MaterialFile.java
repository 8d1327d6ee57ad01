package cn.gov.shuozhou.makerspace.materials;

import java.time.Instant;

/**
 * One stored file: its case (the business key: application number, or certificate number in the supervision; null while a draft of the filing), the checklist item it proves,
 * its version (the round it was submitted in; 0 while a draft), what it is and who gave it when.
 */
public record MaterialFile(
    String fileId,
    String caseNumber,
    String creditCode,
    String step,
    String materialCode,
    int version,
    String fileName,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    boolean submitted,
    Instant submittedAt) {}
