/**
 * Who the staff, the operators and the auditors are: groups per role, their Camunda
 * authorizations, task filters and history access.
 */
package cn.gov.shuozhou.makerspace.identity;
