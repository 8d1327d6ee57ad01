/**
 * Art. 5(3) and Art. 11: the bureau decision, certification with a three-year title, the
 * certificate, the outcome of each case, and the start of supervision.
 */
package cn.gov.shuozhou.makerspace.certification;
