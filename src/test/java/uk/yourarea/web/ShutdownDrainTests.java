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
		this.drain.start();
		MockHttpServletResponse response = answer();

		assertThat(response.getHeader("Connection")).isNull();
		assertThat(this.drain.isRunning()).isTrue();
	}

	@Test
	void whenStoppingSaysItIsNotReadyThenClosesEveryConnectionAfterItsAnswer() throws Exception {
		this.drain.start();
		long started = System.nanoTime();

		this.drain.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the drain is waited out")
			.isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(AvailabilityChangeEvent.class,
					(event) -> assertThat(event.getState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC));
		assertThat(answer().getHeader("Connection")).isEqualTo("close");
		assertThat(this.drain.getPhase()).as("before the web server's own graceful shutdown")
			.isEqualTo(Integer.MAX_VALUE);
	}

	private MockHttpServletResponse answer() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.drain.doFilter(new MockHttpServletRequest("GET", "/area/wigston"), response, new MockFilterChain());
		return response;
	}

}
