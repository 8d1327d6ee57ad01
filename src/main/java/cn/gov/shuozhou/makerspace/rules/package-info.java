/**
 * Art. 4 and every policy number of the measures as DMN decisions: their administration without a
 * release — check against regression cases, versions, rollback — with every version kept.
 */
package cn.gov.shuozhou.makerspace.rules;
