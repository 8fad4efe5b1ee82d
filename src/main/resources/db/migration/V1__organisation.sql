-- Townships and their villages. Codes are the stable keys used in Camunda group ids (township-T01, village-V01).
CREATE TABLE township (
    code        VARCHAR(16)  PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    hotline     VARCHAR(32)
);

CREATE TABLE village (
    code           VARCHAR(16) PRIMARY KEY,
    name           VARCHAR(64) NOT NULL,
    township_code  VARCHAR(16) NOT NULL REFERENCES township (code)
);

CREATE INDEX idx_village_township ON village (township_code);
