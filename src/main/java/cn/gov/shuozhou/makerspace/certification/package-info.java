/**
 * Art. 3, Art. 5(3) and Art. 11: the certification process's names and its typed application, the
 * policy numbers and the task priorities they set, the bureau decision, certification with a
 * three-year title, the certificate, the outcome of each case, and the start of supervision.
 */
package cn.gov.shuozhou.makerspace.certification;
