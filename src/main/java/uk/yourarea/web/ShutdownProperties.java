package uk.yourarea.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an instance stops ({@link ShutdownDrain}).
 *
 * @param drain how long it goes on answering, not ready and closing every connection
 * after its answer, before Tomcat stops taking connections
 */
@ConfigurationProperties("yourarea.shutdown")
public record ShutdownProperties(@DefaultValue("3s") Duration drain) {
}
