/**
 * Art. 8–10: revocations, sanctions and bans as administrative decisions — the city bureau
 * proposes, the operator is notified and heard (陈述申辩), the bureau leaders decide, and every
 * decision is recorded.
 */
package cn.gov.shuozhou.makerspace.sanction;
