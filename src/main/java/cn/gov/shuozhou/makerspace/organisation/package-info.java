/**
 * Art. 2: the maker-space operators' organisation accounts, each bound to one unified social
 * credit code; their self-registration, password reset and administration (disable, enable, the
 * county bureaus' read-only view).
 */
package cn.gov.shuozhou.makerspace.organisation;
