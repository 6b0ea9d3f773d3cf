package io.storescheduler.adapter.http.operations;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A health check whose result is shared: for {@code freshFor} after a check every caller gets its
 * result, and only one check runs at a time. While one runs, callers get the result before it;
 * only the very first callers wait for it. So no rate of {@code /health/ready} calls can take more
 * than one pool connection, nor more than one every {@code freshFor}.
 */
public final class SharedCheck implements BooleanSupplier {

    private record Result(boolean value, long checkedAt) {}

    private final BooleanSupplier check;
    private final long freshForNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Result last;

    public SharedCheck(BooleanSupplier check, Duration freshFor) {
        this(check, freshFor, System::nanoTime);
    }

    SharedCheck(BooleanSupplier check, Duration freshFor, LongSupplier nanoTime) {
        this.check = check;
        this.freshForNanos = freshFor.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean getAsBoolean() {
        var seen = last;
        if (isFresh(seen)) {
            return seen.value();
        }
        if (seen != null && !running.tryLock()) {
            return seen.value();
        }
        if (seen == null) {
            running.lock();
        }
        try {
            var now = last;
            return isFresh(now) ? now.value() : checkNow();
        } finally {
            running.unlock();
        }
    }

    private boolean checkNow() {
        var value = check.getAsBoolean();
        last = new Result(value, nanoTime.getAsLong());
        return value;
    }

    private boolean isFresh(Result result) {
        return result != null && nanoTime.getAsLong() - result.checkedAt() < freshForNanos;
    }
}
