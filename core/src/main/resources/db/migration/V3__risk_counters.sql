-- The decision stage derives its daily counters from stored rows:
-- orders that open or add to a position (entries per symbol), the profit or loss each fill
-- realized (today's loss), and which signals were decided in dry-run mode.
alter table orders add column opens boolean default false not null;
alter table fills add column realized_pnl numeric(30, 12) default 0 not null;
alter table signals add column dry_run boolean default false not null;
-- a target-position alert states the position it wants (signed); risk sizing may use a conviction
alter table signals add column target_position numeric(30, 12);
alter table signals add column conviction varchar(20);
