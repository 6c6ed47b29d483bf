package uk.yourarea.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.yourarea.web.Phrase;

/**
 * Runs coverage jobs in the background, two at a time, and keeps their heartbeat: every
 * few seconds each job this instance works on records that it is alive and how far it has
 * got. A job whose heartbeat stopped (the application was stopped under it) is marked
 * {@link CoverageJob.Status#INTERRUPTED}; its transaction never committed, so nothing of
 * it was applied.
 */
@Component
class CoverageJobRunner {

	private static final Logger log = LoggerFactory.getLogger(CoverageJobRunner.class);

	private final CoverageJobs jobs;

	private final CoverageProperties properties;

	private final Clock clock;

	private final ExecutorService workers;

	private final ScheduledExecutorService heartbeats;

	/** The jobs this instance is working on, with how far they have got. */
	private final Map<Long, Progress> active = new ConcurrentHashMap<>();

	CoverageJobRunner(CoverageJobs jobs, CoverageProperties properties, Clock clock) {
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "coverage-import-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "coverage-import-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long every = properties.heartbeat().toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	/** How far a job has got, for its heartbeat. */
	static final class Progress {

		final AtomicLong bytes = new AtomicLong();

		volatile @Nullable Phrase phase;

		/** What it is doing now: a key of staff.properties ({@code coverage.phase.*}). */
		void phase(String key, Object... arguments) {
			this.phase = Phrase.of(key, arguments);
		}

	}

	/** Work on one job, told how to report its progress. */
	@FunctionalInterface
	interface Work {

		void run(Progress progress);

	}

	/** Starts working on a job in the background; its heartbeat beats until it ends. */
	void start(long id, Work work) {
		Progress progress = new Progress();
		this.active.put(id, progress);
		this.workers.execute(() -> {
			try {
				work.run(progress);
			}
			finally {
				this.active.remove(id);
			}
		});
	}

	/**
	 * A job whose heartbeat has stopped is shown as interrupted at once, before the sweep
	 * marks it so.
	 */
	CoverageJob asSeen(CoverageJob job) {
		if (job.status().working() && !this.active.containsKey(job.id())
				&& job.heartbeatAt().isBefore(now().minus(this.properties.interruptedAfter()))) {
			return job.interrupted(interruptedMessage(job.status()));
		}
		return job;
	}

	private void beat() {
		try {
			Instant now = now();
			this.active.forEach((id, progress) -> this.jobs.beat(id, now, progress.bytes.get(), progress.phase));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the progress of coverage uploads: {}", ex.getMessage());
		}
	}

	/**
	 * Marks as interrupted the jobs whose heartbeat stopped: the application stopped
	 * while they worked, and their transaction never committed.
	 */
	@Scheduled(initialDelay = 5_000, fixedDelay = 30_000)
	int sweepInterrupted() {
		List<Long> mine = List.copyOf(this.active.keySet());
		int marked = 0;
		for (CoverageJob job : this.jobs.workingWithHeartbeatBefore(now().minus(this.properties.interruptedAfter()))) {
			if (!mine.contains(job.id())) {
				marked += this.jobs.markInterrupted(job, interruptedMessage(job.status()));
			}
		}
		if (marked > 0) {
			log.warn("{} coverage uploads were interrupted by a restart", marked);
		}
		return marked;
	}

	private static Phrase interruptedMessage(CoverageJob.Status status) {
		return Phrase.of((status == CoverageJob.Status.APPLYING) ? "coverage.job.interrupted.applying"
				: "coverage.job.interrupted.previewing");
	}

	@PreDestroy
	void stop() {
		this.heartbeats.shutdownNow();
		this.workers.shutdownNow();
		try {
			this.workers.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

}
