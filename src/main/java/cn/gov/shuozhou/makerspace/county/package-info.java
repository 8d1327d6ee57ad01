/**
 * Art. 6: the county's view — each county's science bureau (and the development zone's) reads,
 * read-only, the certified spaces of its area (applications, certificates, annual reports,
 * assessments, rectifications, sanctions, materials) and keeps their service record (服务台账),
 * which the city bureau sees in each space's annual assessment. Who reads which area is decided in
 * {@code access/}.
 */
package cn.gov.shuozhou.makerspace.county;
