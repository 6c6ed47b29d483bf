package uk.yourarea.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo site with a second factor required and a secret to seal authenticator-app keys
 * ({@link SealingSecrets}): one context, shared by every test class that has it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "yourarea.security.second-factor=required", "yourarea.mail.relay-enabled=false",
				"yourarea.security.totp.secret=" + SealingSecrets.CURRENT,
				"yourarea.security.totp.previous=" + SealingSecrets.PREVIOUS })
@ActiveProfiles("demo")
@interface SiteSealingAuthenticatorKeys {

}
