/**
 * Art. 5 and 8 oversight: the auditors' read-only access to process history and the Cockpit
 * history views.
 */
package cn.gov.shuozhou.makerspace.audit;
