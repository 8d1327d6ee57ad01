/**
 * Art. 5(3) and 11: the public's door, without an account — the online notices (网上公示) with the
 * real-name objection form, the registry of certified spaces, a page per space, and the verification
 * of a certificate.
 */
package cn.gov.shuozhou.makerspace.publicpages;
