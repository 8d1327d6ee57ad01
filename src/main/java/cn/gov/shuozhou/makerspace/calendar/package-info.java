/**
 * Working days for every deadline of the measures (public notice, supervision periods): the State
 * Council's holiday arrangements per year, kept by administrators without a release.
 */
package cn.gov.shuozhou.makerspace.calendar;
