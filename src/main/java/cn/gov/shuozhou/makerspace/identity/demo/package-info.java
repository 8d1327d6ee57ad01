/**
 * The demo profile's users and organisations (demo passwords; never created outside the demo
 * profile).
 */
package cn.gov.shuozhou.makerspace.identity.demo;
