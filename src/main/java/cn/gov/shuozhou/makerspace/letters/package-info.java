/**
 * Art. 5, 8–11: every decision that concerns an applicant in writing (文书). Each step of the
 * lifecycle issues its letter (受理回执, 补正通知书, 不予受理通知书, 终止办理通知书 of a withdrawn or
 * lapsed application, 不予认定通知书, 认定通知书 and the certificate, 年度考核结果通知书, 整改通知书,
 * 告知书, 取消称号决定书) as a PDF with a document number, date and issuing authority, stored
 * immutably with its SHA-256 in the step's transaction and downloadable by the applicant and the
 * case's staff.
 */
package cn.gov.shuozhou.makerspace.letters;
