package uk.yourarea;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableJpaRepositories(queryEnhancerSelector = SimpleQueryEnhancerSelector.class)
public class YourAreaApplication {

	public static void main(String[] args) {
		SpringApplication.run(YourAreaApplication.class, args);
	}

}
