-- the alert language a signal was written in (tvbridge, traderspost, pineconnector...) and what
-- its quantity counts (units, money, percent_equity...); older signals were tvbridge's own, in units
alter table signals add column dialect varchar(30) default 'tvbridge' not null;
alter table signals add column quantity_unit varchar(30) default 'units' not null;
