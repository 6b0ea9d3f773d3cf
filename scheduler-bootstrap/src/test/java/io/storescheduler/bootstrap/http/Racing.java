package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.bootstrap.http.ApiClient.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls raced against each other: each on a thread of its own, all released at once by one barrier. */
final class Racing {

    // a safety net so a deadlock fails the test instead of hanging it; nothing here is timed
    static final long SAFETY_TIMEOUT_SECONDS = 600;

    /** What the test's own thread does while the calls run. */
    interface Meanwhile {
        void run() throws Exception;
    }

    private Racing() {}

    /** Runs every call at once; answers in order. Nothing may answer 5xx. */
    static List<Answer> race(List<Callable<Answer>> calls) throws Exception {
        var answers = atOnce(calls);
        var serverErrors = new HashSet<String>();
        answers.stream().filter(answer -> answer.status() >= 500).forEach(answer -> serverErrors.add(answer.text()));
        assertEquals(Set.of(), serverErrors, "no request may fail on the server's side");
        return answers;
    }

    /** Runs every call at once and answers what each returned, in order. */
    static <T> List<T> atOnce(List<? extends Callable<T>> calls) throws Exception {
        return atOnce(calls, () -> { });
    }

    /** Runs every call at once, and {@code meanwhile} on this thread while they run; answers what each returned, in order. */
    static <T> List<T> atOnce(List<? extends Callable<T>> calls, Meanwhile meanwhile) throws Exception {
        var barrier = new CyclicBarrier(calls.size());
        var pool = Executors.newFixedThreadPool(calls.size());
        try {
            var futures = new ArrayList<Future<T>>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    barrier.await(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            meanwhile.run();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
