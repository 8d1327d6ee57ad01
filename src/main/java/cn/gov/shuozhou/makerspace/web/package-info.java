/**
 * The error contract of the HTTP doors (/api, /engine-rest): Chinese messages naming the field.
 */
package cn.gov.shuozhou.makerspace.web;
