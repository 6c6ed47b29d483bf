package uk.yourarea.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** On the way down an instance says it is not ready and keeps no connection open. */
class ShutdownDrainTests {

	private final List<Object> published = new ArrayList<>();

	private final ShutdownDrain drain = new ShutdownDrain(new ShutdownProperties(Duration.ofMillis(50)),
			this.published::add);

	@Test
	void keepsConnectionsOpenWhileRunning() throws Exception {
		MockHttpServletResponse response = answer();

		assertThat(response.getHeader("Connection")).isNull();
		assertThat(this.published).isEmpty();
	}

	@Test
	void whenStoppingSaysItIsNotReadyThenClosesEveryConnectionAfterItsAnswer() throws Exception {
		long started = System.nanoTime();

		this.drain.drain();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the drain is waited out")
			.isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(AvailabilityChangeEvent.class,
					(event) -> assertThat(event.getState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC));
		assertThat(answer().getHeader("Connection")).isEqualTo("close");
	}

	@Test
	void drainsOnceWhenTheManagementContextClosesAfterTheApplication() {
		this.drain.drain();
		long started = System.nanoTime();

		this.drain.drain();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(50));
		assertThat(this.published).hasSize(1);
	}

	private MockHttpServletResponse answer() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.drain.doFilter(new MockHttpServletRequest("GET", "/area/wigston"), response, new MockFilterChain());
		return response;
	}

}
