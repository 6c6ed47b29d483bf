package uk.yourarea.contact;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public contact form's limits against abuse, and the limit on a resident's replies
 * through their private link ({@code repliesPerConversation} within
 * {@code repliesPerConversationWindow}).
 */
@ConfigurationProperties("yourarea.contact")
public record ContactProperties(@DefaultValue("5") int messagesPerAddress,
		@DefaultValue("10m") Duration messagesPerAddressWindow, @DefaultValue("3") int acknowledgementsPerEmail,
		@DefaultValue("24h") Duration acknowledgementsPerEmailWindow, @DefaultValue("3s") Duration minimumFillTime,
		@DefaultValue("10") int repliesPerConversation, @DefaultValue("1h") Duration repliesPerConversationWindow) {
}
