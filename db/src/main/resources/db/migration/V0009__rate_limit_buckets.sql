-- The rate-limit buckets shared by every instance (JooqRateLimiter): one row per policy and key
-- (an actor's id), holding the tokens left when it was last touched. Every authenticated request
-- writes its row, so the table is UNLOGGED: its writes skip the WAL, and what that costs is only
-- that a crash or a failover to a replica empties it, which gives each caller a full bucket once.
-- Half of each page is left free so the updates of a row stay on its page (HOT, no index to touch
-- but the key's). Rows untouched for longer than their bucket takes to fill are full anyway, and
-- are deleted by the instances now and then (JooqRateLimiter), so idle actors leave no rows.
CREATE UNLOGGED TABLE rate_limit_bucket (
    policy text NOT NULL,
    key text NOT NULL,
    tokens double precision NOT NULL,
    taken boolean NOT NULL,
    touched_at timestamptz NOT NULL,
    PRIMARY KEY (policy, key)
) WITH (fillfactor = 50);

-- The tokens a bucket holds at `at`: what it held at `touched_at` plus what refilled since, at
-- most `burst`. A clock that stepped back refills nothing rather than taking tokens away.
CREATE FUNCTION rate_limit_refilled(tokens double precision, touched_at timestamptz, at timestamptz,
        burst double precision, per_second double precision)
    RETURNS double precision
    LANGUAGE sql IMMUTABLE
    RETURN least(burst, tokens + per_second * greatest(0, extract(epoch FROM at - touched_at)::double precision));

-- Takes one token from the bucket of (policy, key) if it holds one, in one statement and so one
-- round trip: a new key starts full (less the token taken), an existing row is refilled to now
-- and, when a whole token is there, loses it. The row lock of the upsert orders racing takes of
-- one key, across instances too. The database's clock, not the instances', so they all agree.
-- Returns whether a token was taken and how many are left.
CREATE FUNCTION rate_limit_take(p_policy text, p_key text, p_burst double precision, p_per_second double precision,
        OUT taken boolean, OUT tokens double precision)
    LANGUAGE sql
AS $$
    INSERT INTO rate_limit_bucket AS bucket (policy, key, tokens, taken, touched_at)
    VALUES (p_policy, p_key, p_burst - 1, true, clock_timestamp())
    ON CONFLICT (policy, key) DO UPDATE
    SET (tokens, taken, touched_at) = (
        SELECT CASE WHEN refilled >= 1 THEN refilled - 1 ELSE refilled END, refilled >= 1, excluded.touched_at
        FROM rate_limit_refilled(bucket.tokens, bucket.touched_at, excluded.touched_at, p_burst, p_per_second) AS refilled)
    RETURNING taken, tokens
$$;
