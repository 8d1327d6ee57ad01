/**
 * Art. 4–5(1): filing a certification application — validation of the applicant's data, the
 * system-issued application number, the credit-code reservation, the Art. 9 ban check at intake,
 * and the operator's supplement after a return.
 */
package cn.gov.shuozhou.makerspace.application;
