package cn.gov.shuozhou.makerspace.certification;

/** How a certification ended (variable {@code outcome}, a contract value: never rename one). */
public enum Outcome {
  CERTIFIED,
  REJECTED,
  NOT_ACCEPTED,
  WITHDRAWN,
  LAPSED
}
