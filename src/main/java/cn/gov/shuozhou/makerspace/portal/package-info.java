/**
 * Art. 2 and 5: the applicant's own door — an organisation account sees its applications, their
 * stage, what it has to do, and the outcome with its reasons, without Tasklist or Cockpit.
 */
package cn.gov.shuozhou.makerspace.portal;
