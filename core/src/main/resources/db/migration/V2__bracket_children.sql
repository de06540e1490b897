-- Take-profit and stop-loss orders a broker places with an entry (a bracket) are orders of their own:
-- they fill, move the position and are reported under <entry id>.tp / <entry id>.sl.
alter table orders add column parent_client_order_id varchar(64);
create index orders_parent on orders (parent_client_order_id);
