-- A take may now ask a shared bucket for several tokens at once (an instance leases them, see
-- LeasedRateLimiter), so the upsert returns how many it took: `granted`. `taken` stays, with a
-- default, so that instances still running the code of V0009 keep working beside new ones while
-- they are replaced; new code never writes it.
ALTER TABLE rate_limit_bucket
    ALTER COLUMN taken SET DEFAULT false,
    ADD COLUMN granted integer NOT NULL DEFAULT 0;
