-- 窓口の受付番号 (counter tickets): issued, called, served; waiting and service times feed the insights.
-- Tickets hold no personal data (a number, times, the life events and the window), so the insights may read them freely.
-- Tenant-owned: keys lead with municipality_code, forced row-level security.

CREATE SCHEMA IF NOT EXISTS counter;
GRANT USAGE ON SCHEMA counter TO jichi_app;

CREATE TABLE counter.ticket (
  municipality_code  char(6)     NOT NULL,
  ticket_id          uuid        NOT NULL,
  -- The Japanese calendar day the ticket was issued on ('YYYY-MM-DD'); numbers restart every day.
  service_day        text        NOT NULL,
  number             integer     NOT NULL,
  -- 窓口: 'general' (総合窓口) or a department's window code.
  window_code        text        NOT NULL DEFAULT 'general',
  -- 'walk-in' or 'reservation' (来庁予約).
  channel            text        NOT NULL DEFAULT 'walk-in',
  -- ライフイベント: 'move-in', 'move-out', 'move-within', 'birth', 'death', 'household-change', 'foreign-move-in', ….
  life_events        text[]      NOT NULL DEFAULT '{}',
  status             text        NOT NULL DEFAULT 'waiting',
  issued_at          timestamptz NOT NULL,
  called_at          timestamptz,
  service_started_at timestamptz,
  service_ended_at   timestamptz,
  -- The clerk who served (platform.staff), and the counter visit the ticket led to (the counter's own table).
  staff_id           uuid,
  visit_id           uuid,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ticket_pkey PRIMARY KEY (municipality_code, ticket_id),
  CONSTRAINT ticket_day_number_uq UNIQUE (municipality_code, service_day, number),
  CONSTRAINT ticket_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT ticket_staff_fkey FOREIGN KEY (municipality_code, staff_id) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT ticket_service_day_check CHECK (service_day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  CONSTRAINT ticket_number_check CHECK (number > 0),
  CONSTRAINT ticket_channel_check CHECK (channel IN ('walk-in', 'reservation')),
  CONSTRAINT ticket_status_check CHECK (status IN ('waiting', 'called', 'serving', 'done', 'cancelled')),
  CONSTRAINT ticket_times_check CHECK (
    (called_at IS NULL OR called_at >= issued_at)
    AND (service_started_at IS NULL OR service_started_at >= issued_at)
    AND (service_ended_at IS NULL OR (service_started_at IS NOT NULL AND service_ended_at >= service_started_at)))
);
CREATE INDEX ticket_day_status_idx ON counter.ticket (municipality_code, service_day, status);
ALTER TABLE counter.ticket ENABLE ROW LEVEL SECURITY;
ALTER TABLE counter.ticket FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_tenant ON counter.ticket
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON counter.ticket TO jichi_app;
GRANT UPDATE (status, called_at, service_started_at, service_ended_at, staff_id, visit_id, window_code, life_events) ON counter.ticket TO jichi_app;
