-- The ids of order events, fills and audit entries are handed out from a cached range. With the
-- default range of 32, every 32nd row wrote the sequence back with a commit of its own in the
-- middle of the engine's batch (about a tenth of the engine loop's time under load). A larger
-- range costs only a gap in the ids after a crash.
alter table order_events alter column id set cache 1000;
alter table fills alter column id set cache 1000;
alter table audit_log alter column id set cache 1000;
