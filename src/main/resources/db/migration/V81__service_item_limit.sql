-- The promised time limit of an item in working days, as the published guide prints it; items leave the guide by
-- active = FALSE (retired), never by deletion, so matters that name them keep their routing and reports.
ALTER TABLE service_item ADD COLUMN limit_working_days INTEGER;
UPDATE service_item SET limit_working_days = CASE level WHEN 'CITY' THEN 5 ELSE 1 END;
