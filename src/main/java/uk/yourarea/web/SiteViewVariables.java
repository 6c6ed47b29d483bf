package uk.yourarea.web;

import java.time.Clock;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every page the layout's variables: {@code force}, {@code site}, {@code zone} (the
 * zone times are shown in: {@code ${instant.atZone(zone)}}) and {@code languages} (the
 * page in English and Welsh, {@link WelshLinks#here()}) and {@code words} (a
 * {@link Phrase} in the page's language, {@link Words}).
 * <p>
 * They are static variables of the view resolver rather than {@code @ModelAttribute}
 * methods, which Spring MVC invokes on every request, redirects included: an eighth of
 * the postcode lookup's CPU time (docs/benchmarks.md). Error pages get them the same way.
 */
@Configuration(proxyBeanMethods = false)
class SiteViewVariables {

	SiteViewVariables(ObjectProvider<ThymeleafViewResolver> views, ForceProperties force, SiteProperties site,
			Clock clock, WelshLinks languages, MessageSource messages) {
		views.ifAvailable((resolver) -> {
			resolver.addStaticVariable("force", force);
			resolver.addStaticVariable("site", site);
			resolver.addStaticVariable("zone", clock.getZone());
			resolver.addStaticVariable("languages", languages);
			resolver.addStaticVariable("words", new Words(messages));
		});
	}

}
