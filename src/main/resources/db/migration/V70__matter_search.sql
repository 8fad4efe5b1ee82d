-- Tasklist's search finds a matter by the start of the resident's name, within the caller's villages or township.
CREATE INDEX idx_matter_resident_name ON matter (resident_name);
