-- The journals brokers keep their own state in (the paper broker its simulated account), when
-- several daemons share the database: one row per line, numbered from 1 in the order appended, so
-- that the daemon that takes over after a failover reads what the last one wrote. With H2 the
-- journals are files in each broker's state folder and this table stays empty. A line has no
-- length limit here (varchar without a length: text on PostgreSQL, up to 10^9 characters on H2).
create table broker_journal (
    broker     varchar(50)  not null,
    name       varchar(100) not null,
    seq        bigint       not null,
    line       varchar      not null,
    written_at timestamp with time zone not null,
    primary key (broker, name, seq)
);
