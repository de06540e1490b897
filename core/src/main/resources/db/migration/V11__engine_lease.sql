-- The lease that lets one daemon at a time run the engine when several share one database
-- (PostgreSQL). Its times are the database's clock, never a daemon's, so machines whose clocks
-- disagree still agree on when a lease expires. The epoch grows with every change of holder:
-- the engine's commits name the epoch they were decided under and are refused once it is stale.
-- The one row exists from the start, held by nobody and expired, so taking the lease is always
-- an update of that row, which the database orders between competing daemons.
create table engine_lease (
    name        varchar(64)  not null primary key,
    holder      varchar(255) not null,
    epoch       bigint       not null,
    acquired_at timestamp with time zone not null,
    renewed_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);

insert into engine_lease (name, holder, epoch, acquired_at, renewed_at, expires_at)
values ('engine', '', 0, current_timestamp, current_timestamp, current_timestamp);
