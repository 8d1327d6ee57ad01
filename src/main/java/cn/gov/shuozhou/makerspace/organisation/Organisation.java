package cn.gov.shuozhou.makerspace.organisation;

/** An organisation account: the operator's user and the organisation (credit code) it acts for. */
public record Organisation(String userId, String creditCode, String organisationName, String contactName,
    String phone, String email, String county) {}
