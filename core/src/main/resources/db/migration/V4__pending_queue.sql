-- The pending queue: a signal that arrives while its market is closed, under the queue policy,
-- waits here and is decided at the open. The signal row says 'QUEUED' until then.
alter table signals add column outside_rth boolean default false not null;

create table pending_signals (
    signal_id   bigint primary key references signals (id),
    symbol      varchar(40)   not null,
    asset_class varchar(20)   not null,
    outside_rth boolean       default false not null,
    queued_at   timestamp with time zone not null,
    release_at  timestamp with time zone not null,
    -- WAITING until the open; then RELEASED (decided) or CLEARED (by an operator)
    state       varchar(20)   not null,
    ended_at    timestamp with time zone,
    ended_by    varchar(200),
    note        varchar(2000)
);
create index pending_signals_state on pending_signals (state, signal_id);
