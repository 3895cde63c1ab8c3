-- Counter visits (書かない窓口, counter.visit) as a second source of the counter metrics (issue #12): per month the
-- visits filed and the median time from reception to filing, beside the tickets' waiting and service times.
ALTER TABLE insights.counter_month ADD COLUMN visits integer NOT NULL DEFAULT 0;
ALTER TABLE insights.counter_month ADD COLUMN visit_median_minutes numeric(14,4);
GRANT UPDATE (visits, visit_median_minutes) ON insights.counter_month TO jichi_app;
