-- council-tables database: the single source of truth for the schema.
-- Written in the SQL that SQLite and PostgreSQL share; the loader turns
-- "INTEGER PRIMARY KEY" into an identity column on PostgreSQL and nothing else.
-- Money is stored exactly, as integer pence (amount_pence 8342400 = £83,424.00).
-- Every extracted row keeps the document and the 1-based physical page it came from.

-- One meeting of a council body (Cabinet, a scrutiny committee, full Council) on one day.
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY,
    council TEXT NOT NULL,            -- 'Dorset Council'
    committee TEXT NOT NULL,          -- 'Cabinet', 'People and Health Scrutiny Committee'
    meeting_date TEXT NOT NULL,       -- ISO date, '2022-05-19'
    UNIQUE (council, committee, meeting_date)
);

-- One ingested PDF. The same bytes (same sha256) are never stored twice.
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    source_path TEXT,                 -- where it was read from, as given to `ingest`
    page_count INTEGER NOT NULL,
    council TEXT,
    committee TEXT,
    meeting_date TEXT,
    meeting_id INTEGER REFERENCES meetings(id),
    ingested_at TEXT NOT NULL         -- UTC, ISO 8601
);

-- The items on a meeting's agenda, as printed on the front sheet of a document.
CREATE TABLE IF NOT EXISTS agenda_items (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meetings(id),
    number TEXT NOT NULL,             -- '8', '3a'
    title TEXT NOT NULL,
    description TEXT,
    page_start INTEGER,               -- pack page numbers printed on the front sheet ('11 - 100')
    page_end INTEGER,
    physical_start INTEGER,           -- PDF pages where the item's report actually is, when in the pack
    physical_end INTEGER,
    UNIQUE (document_id, number)
);

-- A contributions table (ruled, borderless or a dash/bullet list) found in a document.
CREATE TABLE IF NOT EXISTS contribution_tables (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    agenda_item_number TEXT,          -- the agenda item whose report holds the table, in a pack
    period TEXT,                      -- financial year, '2020/21'
    page INTEGER NOT NULL,            -- physical page where the table starts
    stated_total_pence BIGINT,        -- the total the document prints; NULL when it prints none
    layout TEXT NOT NULL,             -- 'table' or 'list'
    caption TEXT,                     -- the sentence or title that introduces it
    x0 REAL, top REAL, x1 REAL, bottom REAL  -- bounding box on that page, in points from top-left
);

-- One partner's contribution: one row of a contributions table.
CREATE TABLE IF NOT EXISTS contributions (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES contribution_tables(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,        -- 1-based order in the table
    partner TEXT NOT NULL,            -- as printed
    amount_pence BIGINT NOT NULL,
    share_pct NUMERIC,                -- the percentage as printed (32 for 32%); NULL when none
    page INTEGER NOT NULL,
    x0 REAL, top REAL, x1 REAL, bottom REAL
);

-- A forward plan (a list of decisions to come) found in a document.
CREATE TABLE IF NOT EXISTS forward_plans (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    agenda_item_number TEXT,
    council TEXT,
    title TEXT,                       -- 'The Cabinet Forward Plan - May to August 2022'
    period TEXT,                      -- 'May to August 2022'
    published TEXT,                   -- ISO publication date
    page INTEGER
);

-- One decision listed in a forward plan.
CREATE TABLE IF NOT EXISTS forward_plan_decisions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES forward_plans(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    subject TEXT NOT NULL,
    description TEXT,
    decision_maker TEXT,              -- 'Cabinet', 'Dorset Council'
    decision_date TEXT,               -- ISO date, or 'YYYY-MM' when only a month is printed
    key_decision BOOLEAN,
    public_access TEXT,               -- 'Open', 'Exempt', 'Part exempt' ...
    consultees TEXT,                  -- other committees consulted, with their dates
    portfolio_holder TEXT,
    officer_name TEXT,
    officer_title TEXT,
    officer_email TEXT,
    page INTEGER NOT NULL
);

-- Findings of the validation checks (see `python cli.py checks`).
CREATE TABLE IF NOT EXISTS validation_issues (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    check_code TEXT NOT NULL,         -- 'contribution_total_mismatch', 'duplicate_partner' ...
    severity TEXT NOT NULL,           -- 'error' or 'warning'
    page INTEGER,
    subject TEXT,                     -- the partner, table or agenda item concerned
    message TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS idx_contributions_table ON contributions (table_id);
CREATE INDEX IF NOT EXISTS idx_decisions_plan ON forward_plan_decisions (plan_id);
CREATE INDEX IF NOT EXISTS idx_issues_document ON validation_issues (document_id);
CREATE INDEX IF NOT EXISTS idx_agenda_items_meeting ON agenda_items (meeting_id);

-- Views for researchers. Dropped and re-created on connect so they follow the tables above.

-- Every contribution with its table's period and total, and where it was printed.
DROP VIEW IF EXISTS contributions_by_period;
CREATE VIEW contributions_by_period AS
SELECT t.period, c.partner, CAST(c.amount_pence / 100.0 AS NUMERIC(14, 2)) AS amount, c.share_pct,
       CAST(t.stated_total_pence / 100.0 AS NUMERIC(14, 2)) AS stated_total, d.council, d.committee, d.meeting_date,
       t.agenda_item_number, d.file_name, c.page
FROM contributions c
JOIN contribution_tables t ON t.id = c.table_id
JOIN documents d ON d.id = c.document_id;

-- Agenda items with the meeting they belong to.
DROP VIEW IF EXISTS agenda_items_with_meeting;
CREATE VIEW agenda_items_with_meeting AS
SELECT m.council, m.committee, m.meeting_date, a.number, a.title, a.page_start, a.page_end,
       a.physical_start, a.physical_end, d.file_name
FROM agenda_items a
JOIN documents d ON d.id = a.document_id
LEFT JOIN meetings m ON m.id = a.meeting_id;

-- Forward-plan decisions with the plan that lists them.
DROP VIEW IF EXISTS forward_plan_decisions_with_plan;
CREATE VIEW forward_plan_decisions_with_plan AS
SELECT p.council, p.title AS plan_title, p.published, f.subject, f.decision_maker, f.decision_date,
       f.key_decision, f.public_access, f.portfolio_holder, f.officer_name, f.officer_title,
       f.officer_email, d.file_name, f.page
FROM forward_plan_decisions f
JOIN forward_plans p ON p.id = f.plan_id
JOIN documents d ON d.id = f.document_id;
