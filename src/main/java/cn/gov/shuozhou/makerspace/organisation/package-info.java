/**
 * Art. 2: the maker-space operators' organisation accounts, each bound to one unified social
 * credit code.
 */
package cn.gov.shuozhou.makerspace.organisation;
