-- Who asked for each one-time code, so that one client cannot have codes sent to phone after phone.
ALTER TABLE one_time_code ADD COLUMN client_key VARCHAR(100);
CREATE INDEX idx_one_time_code_client ON one_time_code (client_key, created_at);
