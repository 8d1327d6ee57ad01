package cn.gov.shuozhou.makerspace.application;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.NumberSequence;
import org.springframework.stereotype.Component;

/** Application numbers (the certification's business key): SQ-{year}-{six-digit sequence of the year}. */
@Component
public class ApplicationNumbers {

  private final NumberSequence sequence;

  public ApplicationNumbers(NumberSequence sequence) {
    this.sequence = sequence;
  }

  public String next() {
    int year = EngineClock.today().getYear();
    return String.format("SQ-%d-%06d", year, sequence.next("APPLICATION-" + year));
  }
}
