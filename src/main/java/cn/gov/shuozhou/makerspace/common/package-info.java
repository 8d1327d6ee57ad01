/**
 * Small pieces every stage uses: input checks and their Chinese errors, the engine clock,
 * stale-completion protection.
 */
package cn.gov.shuozhou.makerspace.common;
