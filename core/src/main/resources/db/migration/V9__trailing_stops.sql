-- A trailing stop's distance from the best price since it was placed: an amount in price units or a
-- percent. A trailing stop's row holds one of the two, every other row neither. The signal keeps what
-- the alert asked for; the order what is sent, so that a resend after a restart asks for the same.
alter table signals add column trail_amount numeric(30, 12);
alter table signals add column trail_percent numeric(30, 12);
alter table orders add column trail_amount numeric(30, 12);
alter table orders add column trail_percent numeric(30, 12);
