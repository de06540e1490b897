-- Resent alerts are recognised by the engine loop from what it wrote (every alert id, the bodies
-- inside the duplicate window), not by a query: the index on the body hash only cost a page write
-- per stored alert.
drop index signals_body_hash;
