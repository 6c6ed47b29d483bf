package uk.yourarea.consultation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How "Have your say" guards itself and how long it keeps personal data.
 *
 * @param answersPerAddress answers one client address may send within
 * {@code answersPerAddressWindow}
 * @param confirmationsPerEmail confirmation emails one address may be sent within
 * {@code confirmationsPerEmailWindow}
 * @param minimumFillTime faster than this, the form was not filled in by a person
 * @param linkValidity how long a confirmation link works (How long answers and their
 * email addresses are kept: {@code yourarea.retention}.)
 */
@ConfigurationProperties("yourarea.consultation")
public record ConsultationProperties(@DefaultValue("10") int answersPerAddress,
		@DefaultValue("10m") Duration answersPerAddressWindow, @DefaultValue("3") int confirmationsPerEmail,
		@DefaultValue("24h") Duration confirmationsPerEmailWindow, @DefaultValue("3s") Duration minimumFillTime,
		@DefaultValue("7d") Duration linkValidity) {
}
