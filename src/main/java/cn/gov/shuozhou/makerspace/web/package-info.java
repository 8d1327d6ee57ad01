/**
 * The error contract of the HTTP doors (/api, /engine-rest, the webapps' engine API): RFC 9457
 * problem details with Chinese title, detail and per-field messages (docs/api-errors.md).
 */
package cn.gov.shuozhou.makerspace.web;
