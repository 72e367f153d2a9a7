ALTER TABLE "organisations" ADD COLUMN "data_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every change to an organisation's data writes its audit log in the same transaction, so a
-- trigger there raises the organisation's data version once per transaction. It is deferred to
-- commit, so the organisation row stays locked only while the transaction commits (concurrent
-- ingestion into one organisation queues for that moment, not for the whole transaction), and
-- a transaction-local setting stops a second audit row in the same transaction updating again.
CREATE FUNCTION "bump_org_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  flag text := 'preflight.data_version_' || replace(NEW.org_id::text, '-', '');
BEGIN
  IF NEW.org_id IS NULL OR current_setting(flag, true) = 't' THEN
    RETURN NULL;
  END IF;
  UPDATE organisations SET data_version = data_version + 1 WHERE id = NEW.org_id;
  PERFORM set_config(flag, 't', true);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "audit_events_bump_org_data_version"
  AFTER INSERT ON "audit_events" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "bump_org_data_version"();
