/**
 * Art. 2 and 5: the applicant's own door — an organisation account sees its applications, their
 * stage, what it has to do, and the outcome with its reasons; each case's steps, returns, annual
 * reports, assessments, rectification orders and notices; and does its own tasks (supplement,
 * annual report, rectification, statement) on the portal, without Tasklist or Cockpit.
 */
package cn.gov.shuozhou.makerspace.portal;
