/**
 * Art. 5(1): the first review by the county science bureau, the development zone bureau or, for
 * university spaces, the city education bureau, with the return-for-supplement loop.
 */
package cn.gov.shuozhou.makerspace.review;
