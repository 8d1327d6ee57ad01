/**
 * Art. 5(3) and 11: the public's door, without an account — the registry of certified spaces, a
 * page per space, and the verification of a certificate.
 */
package cn.gov.shuozhou.makerspace.publicpages;
