/**
 * Art. 9: false materials — their review and the operator's two-year ban.
 */
package cn.gov.shuozhou.makerspace.falsematerials;
