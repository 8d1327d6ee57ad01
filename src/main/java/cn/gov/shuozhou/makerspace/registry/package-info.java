/**
 * Art. 5(3), 9, 11: the registry of what the bureau has decided — certificates and their status,
 * issued numbers, bans and sanctions in force, applications in progress.
 */
package cn.gov.shuozhou.makerspace.registry;
