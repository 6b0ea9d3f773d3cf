-- The rate-limit buckets shared by every instance: one row per policy and key (an actor's id),
-- holding the tokens left when it was last touched; JooqRateLimiter takes from one in a single
-- upsert. `taken` is only there for that upsert to return whether it took a token. Every
-- authenticated request writes its row, so the table is UNLOGGED: its writes skip the WAL, and
-- what that costs is only that a crash or a failover to a replica empties it, which gives each
-- caller a full bucket once.
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
-- most `burst`. A clock that stepped back refills nothing rather than taking tokens away. A plain
-- SQL expression, so the planner inlines it into the statements that call it.
CREATE FUNCTION rate_limit_refilled(tokens double precision, touched_at timestamptz, at timestamptz,
        burst double precision, per_second double precision)
    RETURNS double precision
    LANGUAGE sql IMMUTABLE
    RETURN least(burst, tokens + per_second * greatest(0, extract(epoch FROM at - touched_at)::double precision));
