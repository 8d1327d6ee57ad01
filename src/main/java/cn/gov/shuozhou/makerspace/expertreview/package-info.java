/**
 * Art. 5(2): the expert review — the panel the city bureau organises, each expert's own review and
 * their aggregation.
 */
package cn.gov.shuozhou.makerspace.expertreview;
