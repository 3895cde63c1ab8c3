-- E-mail notifications of online applications (issue #14): a resident's address with their consent, and an outbox
-- of notifications written in the transaction of the status change that causes them (a submission, a 補正 request,
-- a decision, the daycare round's 決定), so a notification exists exactly when the change was committed. A periodic
-- task sends them through SMTP after the commit, retried with backoff; each has a fixed Message-ID (at least once,
-- recognisably the same message). The body names no person and no procedure: only a link to 申請状況.

-- メールでのお知らせ: the address a resident gave, and when they consented (no row: no e-mail).
CREATE TABLE procedures.notification_contact (
  municipality_code char(6)     NOT NULL,
  resident_id       text        NOT NULL,
  email             text        NOT NULL,
  consented_at      timestamptz NOT NULL,
  CONSTRAINT notification_contact_pkey PRIMARY KEY (municipality_code, resident_id),
  CONSTRAINT notification_contact_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT notification_contact_email_check CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')
);
ALTER TABLE procedures.notification_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures.notification_contact FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_contact_tenant ON procedures.notification_contact
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (email, consented_at), DELETE ON procedures.notification_contact TO jichi_app;

-- The outbox: one row per (application, event, key); pending → sent, or failed after the last attempt, or skipped
-- when the resident withdrew consent before it was sent.
CREATE TABLE procedures.notification (
  municipality_code char(6)     NOT NULL,
  notification_id   uuid        NOT NULL DEFAULT gen_random_uuid(),
  application_id    uuid        NOT NULL,
  event             text        NOT NULL,
  event_key         text        NOT NULL DEFAULT '',
  status            text        NOT NULL DEFAULT 'pending',
  attempts          integer     NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  last_error        text,
  sent_at           timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notification_pkey PRIMARY KEY (municipality_code, notification_id),
  CONSTRAINT notification_once_key UNIQUE (municipality_code, application_id, event, event_key),
  CONSTRAINT notification_application_fkey FOREIGN KEY (municipality_code, application_id) REFERENCES procedures.application (municipality_code, application_id),
  CONSTRAINT notification_event_check CHECK (event IN ('received', 'correction-requested', 'decided', 'daycare-decided')),
  CONSTRAINT notification_status_check CHECK (status IN ('pending', 'sent', 'failed', 'skipped'))
);
CREATE INDEX notification_due_idx ON procedures.notification (municipality_code, next_attempt_at) WHERE status = 'pending';
ALTER TABLE procedures.notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures.notification FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_tenant ON procedures.notification
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON procedures.notification TO jichi_app;
GRANT UPDATE (status, attempts, next_attempt_at, last_error, sent_at) ON procedures.notification TO jichi_app;

-- Writes a notification of an online application's case, in the transaction of the change, when its resident consented.
CREATE FUNCTION procedures.notify_case_change(p_municipality_code char(6), p_case_id uuid, p_event text, p_key text)
  RETURNS void LANGUAGE sql SECURITY INVOKER
  SET search_path = pg_catalog, pg_temp
  AS $$
  INSERT INTO procedures.notification (municipality_code, application_id, event, event_key)
  SELECT a.municipality_code, a.application_id, p_event, p_key
  FROM procedures.application a
  JOIN procedures.notification_contact c ON c.municipality_code = a.municipality_code AND c.resident_id = a.resident_id
  WHERE a.municipality_code = p_municipality_code AND a.case_id = p_case_id
  ON CONFLICT ON CONSTRAINT notification_once_key DO NOTHING;
$$;

CREATE FUNCTION procedures.notify_on_correction() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER
  SET search_path = pg_catalog, pg_temp
  AS $$ BEGIN PERFORM procedures.notify_case_change(NEW.municipality_code, NEW.case_id, 'correction-requested', NEW.correction_id::text); RETURN NULL; END $$;
CREATE TRIGGER correction_notifies AFTER INSERT ON cases.correction FOR EACH ROW EXECUTE FUNCTION procedures.notify_on_correction();

CREATE FUNCTION procedures.notify_on_decision() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER
  SET search_path = pg_catalog, pg_temp
  AS $$ BEGIN PERFORM procedures.notify_case_change(NEW.municipality_code, NEW.case_id, 'decided', ''); RETURN NULL; END $$;
CREATE TRIGGER decision_notifies AFTER INSERT ON cases.decision FOR EACH ROW EXECUTE FUNCTION procedures.notify_on_decision();

-- The daycare round's 決定: every online application entered in it (household `case-<受付番号>`) gets its result notice.
CREATE FUNCTION procedures.notify_on_round_confirmed() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER
  SET search_path = pg_catalog, pg_temp
  AS $$ BEGIN
  INSERT INTO procedures.notification (municipality_code, application_id, event, event_key)
  SELECT a.municipality_code, a.application_id, 'daycare-decided', NEW.round_id
  FROM daycare.household h
  JOIN procedures.application a ON a.municipality_code = h.municipality_code AND 'case-' || a.case_no = h.household_id
  JOIN procedures.notification_contact c ON c.municipality_code = a.municipality_code AND c.resident_id = a.resident_id
  WHERE h.municipality_code = NEW.municipality_code AND h.round_id = NEW.round_id
  ON CONFLICT ON CONSTRAINT notification_once_key DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER round_confirmed_notifies AFTER UPDATE OF status ON daycare.round FOR EACH ROW
  WHEN (NEW.status = 'confirmed' AND OLD.status IS DISTINCT FROM 'confirmed') EXECUTE FUNCTION procedures.notify_on_round_confirmed();
