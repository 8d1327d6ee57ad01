package cn.gov.shuozhou.makerspace.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link OutboxSender} and {@link DueTaskCheck}; off with {@code makerspace.notifications.scheduled=false} (tests that drive them). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "makerspace.notifications.scheduled", havingValue = "true", matchIfMissing = true)
class NotificationScheduling {}
