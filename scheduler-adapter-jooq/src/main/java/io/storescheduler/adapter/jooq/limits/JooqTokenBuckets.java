package io.storescheduler.adapter.jooq.limits;

import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.application.limits.SharedTokenBuckets;
import io.storescheduler.application.limits.TokenGrant;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;

/**
 * Token buckets kept in PostgreSQL ({@code rate_limit_bucket}, migrations V0009 and V0013), so
 * every instance on the database takes from the same bucket of a key. A take is one upsert
 * ({@link #TAKE}): a new key starts full less the tokens taken; an existing row is refilled to now
 * ({@code rate_limit_refilled}) and loses as many whole tokens as it holds up to those asked for,
 * under the row lock the upsert takes, which orders racing takes of a key across instances. The database's clock, not
 * the instances', so they all agree. A take costs one round trip, which {@code LeasedRateLimiter} spreads over many requests. The upsert is here and
 * not in a database function, which took twice as long a call (measured on PostgreSQL 15, which
 * plans a SQL function's body at each call; this prepared statement is planned once). Bucket4j's
 * PostgreSQL backend was the first choice, but it has no release at the version of the core used
 * here, and its select-for-update variant runs a transaction of its own for each take (the
 * locking read, the write, the commit).
 *
 * <p>A row untouched for longer than its bucket takes to fill is full, so deleting it changes no
 * answer: at most once every {@link #CLEANUP_INTERVAL} a take also deletes such rows of its policy.
 */
public final class JooqTokenBuckets implements SharedTokenBuckets {

    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

    private static final String TAKE = """
            insert into rate_limit_bucket as bucket (policy, key, tokens, granted, touched_at)
            values (?, ?, cast(? as double precision) - ?, ?, clock_timestamp())
            on conflict (policy, key) do update
            set (tokens, granted, touched_at) = (
                select refilled - least(floor(refilled), excluded.granted), least(floor(refilled), excluded.granted),
                        excluded.touched_at
                from rate_limit_refilled(bucket.tokens, bucket.touched_at, excluded.touched_at,
                        cast(? as double precision), cast(? as double precision)) as refilled)
            returning granted, tokens""";
    private static final String HAS_ROOM = "select rate_limit_refilled(tokens, touched_at, clock_timestamp(), ?, ?) >= 1"
            + " from rate_limit_bucket where policy = ? and key = ?";
    private static final String DELETE_FULL = "delete from rate_limit_bucket"
            + " where policy = ? and touched_at < clock_timestamp() - make_interval(secs => ?)";

    private final DSLContext dsl;
    private final RatePolicy policy;
    private final LongSupplier nanoTime;
    private final AtomicLong nextCleanup;

    public JooqTokenBuckets(DSLContext dsl, RatePolicy policy) {
        this(dsl, policy, System::nanoTime);
    }

    JooqTokenBuckets(DSLContext dsl, RatePolicy policy, LongSupplier nanoTime) {
        this.dsl = dsl;
        this.policy = policy;
        this.nanoTime = nanoTime;
        this.nextCleanup = new AtomicLong(nanoTime.getAsLong() + CLEANUP_INTERVAL.toNanos());
    }

    @Override
    public RatePolicy policy() {
        return policy;
    }

    @Override
    public TokenGrant takeUpTo(String key, long wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("a take asks for at least one token, not " + wanted);
        }
        deleteFullBucketsWhenDue();
        var asked = (int) Math.min(wanted, policy.burst());
        var row = dsl.fetchSingle(TAKE, policy.name(), key, (double) policy.burst(), asked, asked, (double) policy.burst(),
                (double) policy.perSecond());
        var granted = row.get(0, Integer.class);
        var tokens = row.get(1, Double.class);
        return new TokenGrant(granted, (long) Math.floor(tokens), granted > 0 ? 0 : Math.max(1, secondsUntil(1, tokens)),
                secondsUntil(policy.burst(), tokens));
    }

    @Override
    public boolean hasRoom(String key) {
        var room = dsl.fetchOptional(HAS_ROOM, (double) policy.burst(), (double) policy.perSecond(), policy.name(), key);
        return room.map(row -> row.get(0, Boolean.class)).orElse(true);
    }

    /** Deletes the rows of this policy untouched for longer than a bucket takes to fill; returns how many. */
    int deleteFullBuckets() {
        return dsl.execute(DELETE_FULL, policy.name(), (double) policy.secondsToFill() + 1);
    }

    /** One take in each {@link #CLEANUP_INTERVAL} wins the race for it and cleans up; the others go on. */
    private void deleteFullBucketsWhenDue() {
        var due = nextCleanup.get();
        var now = nanoTime.getAsLong();
        if (now - due >= 0 && nextCleanup.compareAndSet(due, now + CLEANUP_INTERVAL.toNanos())) {
            deleteFullBuckets();
        }
    }

    /** Whole seconds, rounded up, until the bucket holding {@code tokens} holds {@code wanted}. */
    private long secondsUntil(double wanted, double tokens) {
        return (long) Math.ceil(Math.max(0, wanted - tokens) / policy.perSecond());
    }
}
