-- When a row's personal data (names, phones, free text) was replaced after the retention: such rows are done.
ALTER TABLE matter ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
