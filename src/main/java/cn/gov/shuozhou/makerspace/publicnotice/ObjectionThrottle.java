package cn.gov.shuozhou.makerspace.publicnotice;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.sql.Timestamp;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The limits of the public objection door: so many objections per source address and hour, so
 * many per phone number and day. They are counted from the filed objections themselves (table
 * {@code ms_objection}, its source address and time of receipt), inside the filing's transaction,
 * so every node that shares the database sees one limit and a restart forgets nothing.
 * {@link Objections#file} takes the objection counter first: its row lock orders concurrent filings,
 * on any node, so that each counts the ones committed before it.
 */
@Component
public class ObjectionThrottle {

  static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
  static final Duration PHONE_WINDOW = Duration.ofDays(1);

  private final JdbcTemplate jdbc;
  private final int perAddress;
  private final int perPhone;

  public ObjectionThrottle(JdbcTemplate jdbc,
      @Value("${makerspace.objections.per-address-per-hour:60}") int perAddress,
      @Value("${makerspace.objections.per-phone-per-day:5}") int perPhone) {
    this.jdbc = jdbc;
    this.perAddress = perAddress;
    this.perPhone = perPhone;
  }

  /** Refuses (429) a further objection from {@code address} or of {@code phone} past its limit. */
  void admit(String address, String phone) {
    if (filedWithin("source_address", address, ADDRESS_WINDOW) >= perAddress) {
      throw tooMany("同一网络地址每小时最多提交" + perAddress + "次异议");
    }
    if (filedWithin("phone", phone, PHONE_WINDOW) >= perPhone) {
      throw tooMany("同一手机号码每天最多提交" + perPhone + "次异议");
    }
  }

  private long filedWithin(String column, String value, Duration window) {
    Timestamp since = new Timestamp(EngineClock.now().getTime() - window.toMillis());
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_objection WHERE " + column + " = ? AND received_at > ?",
        Long.class, value, since);
  }

  private static ApiRefusal tooMany(String limit) {
    return new ApiRefusal(ProblemType.TOO_MANY_REQUESTS, "提交过于频繁：" + limit + "，请稍后再试");
  }
}
