package cn.gov.shuozhou.makerspace.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Stored moments read back as Beijing wall time on a server in any zone (the demo ran in UTC). */
class EngineClockTest {

  @Test
  void aStoredMomentIsBeijingTimeWhateverTheServersZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "America/Los_Angeles", "Asia/Shanghai"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        // written as the objections are: new Timestamp(EngineClock.now().getTime())
        Timestamp stored = new Timestamp(Instant.parse("2026-12-07T00:37:00Z").toEpochMilli());
        assertThat(EngineClock.toLocalDateTime(stored)).as(zone).isEqualTo(LocalDateTime.of(2026, 12, 7, 8, 37));
      }
    } finally {
      TimeZone.setDefault(original);
    }
    assertThat(EngineClock.toLocalDateTime(null)).isNull();
  }
}
