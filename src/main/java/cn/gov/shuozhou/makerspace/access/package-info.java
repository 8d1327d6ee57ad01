/**
 * Who may do what, in one table: the capabilities of each role under the measures (Art. 5–10 give
 * each department its step) and the policy that controllers, filters and engine guards consult.
 */
package cn.gov.shuozhou.makerspace.access;
