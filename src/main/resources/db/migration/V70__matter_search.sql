-- Tasklist's search finds a matter by the start of the resident's name, within the caller's villages or township.
CREATE INDEX idx_matter_resident_name ON matter (resident_name);

-- Tasklist reads the matter of a task by its process instance (the promise beside every task in the list).
CREATE INDEX idx_matter_process_instance ON matter (process_instance_id);
