/**
 * Art. 6–11 and the city bureau's annual statistical report: the dashboard's numbers (applications,
 * stages, outcomes and their reasons, processing times, certified spaces, assessments,
 * rectifications, revocations, bans), each with the cases behind it, and their exports.
 */
package cn.gov.shuozhou.makerspace.statistics;
