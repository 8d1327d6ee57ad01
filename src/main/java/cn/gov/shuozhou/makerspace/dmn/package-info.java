/**
 * The FEEL engine used by every decision: Camunda's own FEEL, with a cache of parsed expressions.
 */
package cn.gov.shuozhou.makerspace.dmn;
