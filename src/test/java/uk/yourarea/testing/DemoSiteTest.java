package uk.yourarea.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the demo profile's data (Leicestershire's
 * 66 neighbourhoods, LE postcodes and a fictional force), reached over real HTTP through
 * an injected {@link Site}. Real HTTP rather than MockMvc, so that error pages (rendered
 * by the servlet container's error dispatch) and every registered servlet filter behave
 * as in production.
 * <p>
 * Emails go to a GreenMail server in the test JVM ({@link TestMail}), relayed every 300
 * ms. Alerts are not sent on a schedule, so that a test can see an alert it scheduled
 * before it goes; a test sends them with {@code AlertSends.now(context)}.
 * <p>
 * Every class that needs the demo site uses this annotation and nothing else that changes
 * the context configuration, so one application context (and one demo data load) serves
 * them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "yourarea.mail.relay-interval=300ms",
		"yourarea.alerts.sending-enabled=false",
		"spring.jpa.properties.hibernate.session_factory.statement_inspector=uk.yourarea.testing.StatementCounter" })
@ActiveProfiles("demo")
@Import({ Site.class, TestMail.class })
public @interface DemoSiteTest {

}
