package uk.yourarea.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests with a body take one of a few turns; pages never wait for one.
 */
class RequestBodyGuardTests {

	private final RequestBodyGuard guard = new RequestBodyGuard(
			new RequestBodyProperties(1, Duration.ofMillis(200), Duration.ofSeconds(10), 4));

	@Test
	void aSecondBodyWhileTheOnlyTurnIsTakenIsRefusedWithRetryAfterButAPageIsServed() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> slow = CompletableFuture.supplyAsync(() -> {
			MockHttpServletResponse response = new MockHttpServletResponse();
			try {
				this.guard.doFilter(post(), response, (request, ignored) -> {
					reading.countDown();
					await(finish);
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return response;
		});
		assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse refused = new MockHttpServletResponse();
		MockFilterChain refusedChain = new MockFilterChain();
		this.guard.doFilter(post(), refused, refusedChain);
		MockHttpServletResponse page = new MockHttpServletResponse();
		MockFilterChain pageChain = new MockFilterChain();
		this.guard.doFilter(new MockHttpServletRequest("GET", "/area/wigston"), page, pageChain);

		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
		assertThat(refusedChain.getRequest()).as("never passed on").isNull();
		assertThat(pageChain.getRequest()).as("the page is served").isNotNull();

		finish.countDown();
		assertThat(slow.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		MockFilterChain afterwards = new MockFilterChain();
		this.guard.doFilter(post(), new MockHttpServletResponse(), afterwards);
		assertThat(afterwards.getRequest()).as("the turn was given back").isNotNull();
	}

	@Test
	void aBodyThatFindsTooManyWaitingIsRefusedAtOnce() throws Exception {
		RequestBodyGuard guard = new RequestBodyGuard(
				new RequestBodyProperties(1, Duration.ofSeconds(5), Duration.ofSeconds(10), 1));
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> send(guard, () -> {
			reading.countDown();
			await(finish);
		}));
		assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
		CountDownLatch secondReading = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> second = CompletableFuture
			.supplyAsync(() -> send(guard, secondReading::countDown));
		Thread.sleep(200);

		long start = System.nanoTime();
		MockHttpServletResponse third = send(guard, () -> {
		});
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(third.getStatus()).isEqualTo(503);
		assertThat(took).as("no wait").isLessThan(Duration.ofSeconds(1));
		assertThat(second).as("the one waiting still waits").isNotDone();
		finish.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).as("had the turn once it was free").isEqualTo(200);
		assertThat(secondReading.getCount()).isZero();
	}

	@Test
	void aChunkedBodyNeedsATurnToo() {
		MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/area/wigston/contact");
		chunked.addHeader("Transfer-Encoding", "chunked");
		assertThat(RequestBodyGuard.hasBody(chunked)).isTrue();
		assertThat(RequestBodyGuard.hasBody(new MockHttpServletRequest("POST", "/"))).isFalse();
	}

	private static MockHttpServletResponse send(RequestBodyGuard guard, Runnable handler) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			guard.doFilter(post(), response, (request, ignored) -> handler.run());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

	private static MockHttpServletRequest post() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/area/wigston/contact");
		request.setContent("name=Sam".getBytes());
		return request;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
