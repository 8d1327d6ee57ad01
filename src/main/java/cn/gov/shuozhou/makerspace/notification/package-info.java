/**
 * Notifications (issue 17, "Notifications"): every step that concerns an applicant, and every task,
 * reminder and escalation for staff, written into the transactional outbox {@code ms_outbox} in the
 * step's own transaction ({@link cn.gov.shuozhou.makerspace.notification.NotifiedSteps}, the one list
 * of who is told what) and delivered by {@link cn.gov.shuozhou.makerspace.notification.OutboxSender}
 * by email, SMS and the in-app inbox. See docs/notifications.md.
 */
package cn.gov.shuozhou.makerspace.notification;
