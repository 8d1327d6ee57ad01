package cn.gov.shuozhou.makerspace.county;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of a space's service record: the day of the support, its kind, what was done, the
 * attachments (material file ids); who recorded it when; the entry it corrects, if it is a
 * correction, and the later entry that corrected it, if any.
 */
public record ServiceEntry(
    String entryId,
    String certificateNumber,
    LocalDate servedOn,
    String kind,
    String kindLabel,
    String description,
    List<String> attachments,
    String correctsEntryId,
    String correctedByEntryId,
    String recordedBy,
    Instant recordedAt) {

  /** True while no later entry corrects it: the entry in force. */
  public boolean inForce() {
    return correctedByEntryId == null;
  }
}
