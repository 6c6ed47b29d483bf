package uk.yourarea.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled} methods. Whether the outbox relay is one of them is up to
 * {@code yourarea.mail.relay-enabled} (see {@link OutboxRelaySchedule}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxConfiguration {

}
