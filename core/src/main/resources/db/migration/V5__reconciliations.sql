-- Each comparison of the expected positions with the broker's: when, who asked, what came out,
-- and, for a mismatch, when and by whom it was resolved (the broker's positions adopted).
create table reconciliations (
    id                bigint primary key,
    at                timestamp with time zone not null,
    broker            varchar(50)   not null,
    actor             varchar(200)  not null,
    outcome           varchar(20)   not null,
    positions_checked integer       not null,
    details           varchar(4000) not null,
    resolved_at       timestamp with time zone,
    resolved_by       varchar(200)
);
create index reconciliations_at on reconciliations (at);

-- the symbols whose expected position and broker position differed beyond the tolerance
create table reconciliation_differences (
    reconciliation_id bigint      not null references reconciliations (id),
    symbol            varchar(40) not null,
    expected          numeric(30, 12) not null,
    actual            numeric(30, 12) not null,
    primary key (reconciliation_id, symbol)
);
