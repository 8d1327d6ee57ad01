/**
 * Art. 5(3): the online public notice (网上公示) and the real-name objections to it, with their
 * handling.
 */
package cn.gov.shuozhou.makerspace.publicnotice;
