package uk.yourarea;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class YourAreaApplication {

	public static void main(String[] args) {
		SpringApplication.run(YourAreaApplication.class, args);
	}

}
