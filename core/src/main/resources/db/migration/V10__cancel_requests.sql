-- when a cancel alert asked for an order's cancel: written in the commit that decided it, so a
-- start after a crash sends the cancel again for an order still working, and never sends a NEW one
alter table orders add column cancel_requested_at timestamp with time zone;
