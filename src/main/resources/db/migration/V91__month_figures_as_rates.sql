-- A settled month's counts follow the rules of the three rates every report uses (matter.Rates): late includes
-- matters completed after their promise, resolved only those closed as done, ratings every round rated. The kept
-- months were counted otherwise and are counted again on the next visit.
DELETE FROM matter_month_figure;
ALTER TABLE matter_month_figure RENAME COLUMN completed TO late;
ALTER TABLE matter_month_figure RENAME COLUMN closed TO resolved;
