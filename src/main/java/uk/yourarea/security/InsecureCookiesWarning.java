package uk.yourarea.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the {@code demo} profile, warns at start-up when
 * {@code yourarea.security.secure-cookies} has been set to {@code false}: the staff
 * session and form-token cookies then go over plain HTTP, where anyone on the network can
 * read a session or plant a form token. It is on unless set otherwise, so this only
 * happens when someone turned it off.
 */
@Component
@Profile("!demo")
class InsecureCookiesWarning implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(InsecureCookiesWarning.class);

	static final String WARNING = "yourarea.security.secure-cookies is false outside the demo profile: the staff "
			+ "session and form-token cookies are not Secure and have no __Host- prefix, so they are sent over "
			+ "plain HTTP, where they can be read or planted. Serve the site over HTTPS and remove the setting "
			+ "(YOURAREA_SECURE_COOKIES); false is only for the demo on http://localhost.";

	private final StaffSecurityProperties properties;

	InsecureCookiesWarning(StaffSecurityProperties properties) {
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.properties.secureCookies()) {
			log.warn(WARNING);
		}
	}

}
