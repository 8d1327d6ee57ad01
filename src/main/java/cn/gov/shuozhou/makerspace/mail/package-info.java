/**
 * Mail to applicants and staff (verification codes, password resets, and later the notifications):
 * SMTP through Spring Mail, or, in the demo profile without a mail server, the administrator's
 * mailbox page.
 */
package cn.gov.shuozhou.makerspace.mail;
