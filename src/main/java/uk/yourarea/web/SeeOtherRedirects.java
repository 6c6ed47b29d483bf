package uk.yourarea.web;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every "redirect:" after a form is a {@code 303 See Other}, so the browser fetches the
 * next page with GET and a refresh never sends the form again.
 */
@Component
class SeeOtherRedirects implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof ThymeleafViewResolver resolver) {
			resolver.setRedirectHttp10Compatible(false);
		}
		return bean;
	}

}
