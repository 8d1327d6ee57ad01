/**
 * The guards on every door: authentication, the per-role allow-list, declared fields per task,
 * confidential variables, deployments without code, login throttling, security headers.
 */
package cn.gov.shuozhou.makerspace.security;
