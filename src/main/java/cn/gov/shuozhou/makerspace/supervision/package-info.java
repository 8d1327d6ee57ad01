/**
 * Art. 7–11: the supervision cycle of a certified space — annual report and next-year plan
 * (Art. 7), annual assessment with reward, rectification or revocation (Art. 8), false materials
 * (Art. 9), violations and sanctions (Art. 10), renewal and expiry (Art. 11).
 */
package cn.gov.shuozhou.makerspace.supervision;
