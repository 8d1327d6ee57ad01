/**
 * Art. 5(2) and Art. 3: the on-site inspection by the team the city bureau forms with other
 * departments, including the old-building preference findings.
 */
package cn.gov.shuozhou.makerspace.inspection;
