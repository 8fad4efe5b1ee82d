-- Real-name complaints (实名投诉): one row per complaint, completed as the complaint process runs.
CREATE TABLE complaint (
    complaint_no            VARCHAR(32)   PRIMARY KEY,
    matter_no               VARCHAR(32)   REFERENCES matter (matter_no),
    village_code            VARCHAR(16)   NOT NULL REFERENCES village (code),
    township_code           VARCHAR(16)   NOT NULL REFERENCES township (code),
    complaint_kind          VARCHAR(16)   NOT NULL,
    complainant_name        VARCHAR(64)   NOT NULL,
    complainant_phone       VARCHAR(20)   NOT NULL,
    content                 VARCHAR(2000) NOT NULL,
    filed_by                VARCHAR(64)   NOT NULL,
    filed_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    verification_due_at     TIMESTAMP WITH TIME ZONE,
    verified                BOOLEAN,
    severity                VARCHAR(16),
    verification_note       VARCHAR(1000),
    accountability_note     VARCHAR(1000),
    verified_by             VARCHAR(64),
    verified_at             TIMESTAMP WITH TIME ZONE,
    rectification_due_at    TIMESTAMP WITH TIME ZONE,
    rectification_note      VARCHAR(1000),
    rectified_by            VARCHAR(64),
    rectified_at            TIMESTAMP WITH TIME ZONE,
    satisfaction            VARCHAR(32),
    callback_note           VARCHAR(500),
    callback_by             VARCHAR(64),
    callback_at             TIMESTAMP WITH TIME ZONE,
    status                  VARCHAR(16)   NOT NULL,
    process_instance_id     VARCHAR(64)
);

CREATE INDEX idx_complaint_township_filed ON complaint (township_code, filed_at);
CREATE INDEX idx_complaint_matter ON complaint (matter_no);

-- Complaint numbers are TS + township + day + sequence (TS-T01-20261128-001): one counter row per township and day.
CREATE TABLE complaint_number_counter (
    township_code  VARCHAR(16) NOT NULL,
    counter_day    CHAR(8)     NOT NULL,
    last_value     INTEGER     NOT NULL,
    PRIMARY KEY (township_code, counter_day)
);
