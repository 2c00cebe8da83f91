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

-- Organisations and people named in the documents, one row each, whatever the spelling.
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,               -- 'council', 'committee', 'partner' or 'person'
    name TEXT NOT NULL,               -- the canonical name
    UNIQUE (kind, name)
);

-- Every spelling of an entity's name seen or seeded ('Dorset Constabulary' -> 'Dorset Police').
-- Seeded from pipeline/data/aliases.csv (extend it, or pass --aliases FILE to ingest).
CREATE TABLE IF NOT EXISTS entity_aliases (
    kind TEXT NOT NULL,
    alias_key TEXT NOT NULL,          -- the name with case, spaces and quotes folded
    alias TEXT NOT NULL,              -- as written
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    source TEXT NOT NULL,             -- 'seed', or the file where the name was first seen
    PRIMARY KEY (kind, alias_key)
);

-- One real-world decision, however many forward plans list it (see forward_plan_decisions.decision_id).
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    council TEXT,
    decision_maker TEXT,
    subject_key TEXT NOT NULL         -- the subject folded for matching small wording changes
);

-- One ingested PDF. The same bytes (same sha256) are never stored twice.
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,          -- its path below the folder given to `ingest` ('2023/csp funding.pdf')
    source_path TEXT,                 -- the absolute path it was read from (`validate --paths` matches it)
    page_count INTEGER NOT NULL,
    council TEXT,
    committee TEXT,
    meeting_date TEXT,
    meeting_id INTEGER REFERENCES meetings(id),
    version_key TEXT,                 -- meeting + report name: a later file with the same key replaces this one
    pdf_modified TEXT,                -- the PDF's own modification date, which decides the newer version
    ingested_at TEXT NOT NULL         -- UTC, ISO 8601
);

-- Every file ever ingested for a version key, current or replaced: nothing is forgotten.
CREATE TABLE IF NOT EXISTS document_versions (
    id INTEGER PRIMARY KEY,
    version_key TEXT,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,          -- as in documents.file_name
    pdf_modified TEXT,
    ingested_at TEXT NOT NULL,
    superseded_by TEXT                -- sha256 of the newer version whose rows are current; NULL if current
);

-- One run of `ingest`: what it was given and when (`validate --batch last` reports the last one).
CREATE TABLE IF NOT EXISTS ingest_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,         -- UTC, ISO 8601
    finished_at TEXT,                 -- NULL while it runs, or when it was stopped before the end
    paths TEXT NOT NULL,              -- the files and folders given, one a line
    tool_version TEXT NOT NULL        -- council-tables' version
);

-- Every file an ingest run was given, and what became of it.
CREATE TABLE IF NOT EXISTS ingest_run_files (
    run_id INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,          -- its path below the folder given, as in documents.file_name
    source_path TEXT NOT NULL,        -- the absolute path it was read from
    sha256 TEXT,                      -- the bytes' hash (documents.sha256); NULL when it could not be read
    status TEXT NOT NULL,             -- 'stored', 'unchanged' (the same bytes were stored before), 'superseded' or 'failed'
    error TEXT,                       -- why it failed, in one line
    PRIMARY KEY (run_id, source_path)
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
    partner_id INTEGER REFERENCES entities(id),  -- the partner, whatever the spelling
    amount_pence BIGINT NOT NULL,     -- the amount in pence, exact (8342400 = £83,424.00)
    share_pct NUMERIC,                -- the percentage as printed (32 for 32%); NULL when none
    page INTEGER NOT NULL,            -- physical page of the row
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
    officer_id INTEGER REFERENCES entities(id),
    decision_id INTEGER REFERENCES decisions(id),  -- the same decision in other plans shares this
    page INTEGER NOT NULL
);

-- Findings of the validation checks (see `python cli.py checks`).
CREATE TABLE IF NOT EXISTS validation_issues (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    check_code TEXT NOT NULL,         -- 'contribution_total_mismatch', 'duplicate_partner' ...
    severity TEXT NOT NULL,           -- 'error', 'warning' or 'info'
    page INTEGER,
    subject TEXT,                     -- the partner, table or agenda item concerned
    message TEXT NOT NULL
);

-- Every table the table layer found in a document, whatever it holds (ruled, aligned text, or a
-- dash/bullet list), on the pages its triage keeps (those with figures or ruled lines); a table
-- continued over a page break is one row. `cli.py tables FILE.pdf` prints the same tables.
CREATE TABLE IF NOT EXISTS tables (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,  -- the document it was found in
    position INTEGER NOT NULL,        -- 1-based order in the document
    agenda_item_number TEXT,          -- the agenda item whose report holds the table, in a pack
    page INTEGER NOT NULL,            -- physical page where the table starts
    last_page INTEGER NOT NULL,       -- physical page where it ends (= page unless it runs on)
    x0 REAL, top REAL, x1 REAL, bottom REAL,  -- bounding box on its first page, in points from top-left
    n_rows INTEGER NOT NULL,          -- rows, header rows included (a header repeated on a later page counted once)
    n_cols INTEGER NOT NULL,          -- columns, the same in every row
    header_rows INTEGER NOT NULL,     -- how many of the first rows are headers
    method TEXT NOT NULL,             -- how it was found: 'ruled', 'aligned' (text alignment) or 'list'
    caption TEXT,                     -- the line right above the table that names it
    UNIQUE (document_id, position)
);

-- What each column of a table holds, read from its cells and header.
CREATE TABLE IF NOT EXISTS table_columns (
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,  -- the table (see tables)
    col_index INTEGER NOT NULL,       -- 0-based, left to right
    kind TEXT NOT NULL,               -- 'text', 'money', 'number', 'percent', 'date', 'period' or 'empty'
    header TEXT NOT NULL,             -- the header cells' text over the column ('' when none)
    unit TEXT,                        -- '£' or '%', from the cells, the header or the caption
    scale BIGINT NOT NULL,            -- what a printed figure is multiplied by: 1000 under '£000s'
    period TEXT,                      -- the financial year the header names, '2022/23'
    PRIMARY KEY (table_id, col_index)
);

-- One cell of a table as printed, empty ones included, so each table is a whole grid; a cell
-- spanning several columns or rows has its text in its top-left position and '' in the others.
-- `value` is the figure under a money, number or percent column for reading and sorting (SQLite
-- keeps fractions as floating point); `amount_pence` is money exactly, as everywhere in this schema.
CREATE TABLE IF NOT EXISTS table_cells (
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,  -- the table (see tables)
    row_index INTEGER NOT NULL,       -- 0-based, header rows first (the JSON's rows[row_index][col_index])
    col_index INTEGER NOT NULL,       -- 0-based, left to right
    text TEXT NOT NULL,               -- as printed, whitespace collapsed; '' for an empty cell
    page INTEGER NOT NULL,            -- physical page where the cell's row is printed
    is_header BOOLEAN NOT NULL,       -- in a header row
    is_total BOOLEAN NOT NULL,        -- in a 'Total' (or 'Subtotal', 'Grand total') row: a sum, not a member
    value NUMERIC,                    -- the figure, column scale applied: pounds, a number, or a percentage as printed
    amount_pence BIGINT,              -- money columns only: the amount in pence, exact ('£48,250.50' = 4825050)
    PRIMARY KEY (table_id, row_index, col_index)
);

-- Full-text search over agenda-item titles and forward-plan decision subjects (`cli.py search`).
-- dialect: sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    kind UNINDEXED, text, document_id UNINDEXED, page UNINDEXED, tokenize = 'porter unicode61'
);
-- dialect: postgresql
CREATE TABLE IF NOT EXISTS search_index (
    kind TEXT NOT NULL,               -- 'agenda_item' or 'decision'
    text TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER
);
-- dialect: all

CREATE INDEX IF NOT EXISTS idx_contributions_table ON contributions (table_id);
CREATE INDEX IF NOT EXISTS idx_decisions_plan ON forward_plan_decisions (plan_id);
CREATE INDEX IF NOT EXISTS idx_issues_document ON validation_issues (document_id);
CREATE INDEX IF NOT EXISTS idx_agenda_items_meeting ON agenda_items (meeting_id);

-- Views for researchers. Dropped and re-created on connect so they follow the tables above.
-- Money in them is integer pence, as in the tables: exact on SQLite and PostgreSQL alike
-- (amount_pence / 100.0 gives pounds, exactly on PostgreSQL, as floating point on SQLite).

-- Every contribution with its table's period and total, and where it was printed.
DROP VIEW IF EXISTS contributions_by_period;
CREATE VIEW contributions_by_period AS
SELECT t.period, c.partner, c.amount_pence, c.share_pct, t.stated_total_pence, d.council, d.committee, d.meeting_date,
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

-- One row per (period, partner, amount) however many documents print it. A partner with two
-- rows for one period is a disagreement between documents (see contribution_conflicts).
DROP VIEW IF EXISTS contribution_facts;
CREATE VIEW contribution_facts AS
SELECT t.period, e.name AS partner, c.amount_pence,
       COUNT(DISTINCT c.document_id) AS documents, MIN(d.file_name) AS first_file, MAX(d.file_name) AS last_file
FROM contributions c
JOIN contribution_tables t ON t.id = c.table_id
JOIN entities e ON e.id = c.partner_id
JOIN documents d ON d.id = c.document_id
GROUP BY t.period, e.name, c.amount_pence;

-- Two documents giving different amounts (or totals) for the same partnership and period. Tables
-- are taken to be the same partnership's when they share at least two partners.
DROP VIEW IF EXISTS contribution_conflicts;
CREATE VIEW contribution_conflicts AS
WITH same_partnership AS (
    SELECT ta.id AS table_a, tb.id AS table_b
    FROM contribution_tables ta
    JOIN contribution_tables tb ON tb.period = ta.period AND tb.document_id <> ta.document_id
    JOIN documents da ON da.id = ta.document_id
    JOIN documents db ON db.id = tb.document_id
    WHERE (da.file_name < db.file_name OR (da.file_name = db.file_name AND da.sha256 < db.sha256))
      AND 2 <= (SELECT COUNT(*) FROM contributions x JOIN contributions y ON y.partner_id = x.partner_id
                WHERE x.table_id = ta.id AND y.table_id = tb.id)
)
SELECT ta.period, e.name AS partner, da.file_name AS file, ca.page, ca.amount_pence,
       db.file_name AS other_file, cb.page AS other_page, cb.amount_pence AS other_amount_pence
FROM same_partnership s
JOIN contribution_tables ta ON ta.id = s.table_a
JOIN contribution_tables tb ON tb.id = s.table_b
JOIN contributions ca ON ca.table_id = ta.id
JOIN contributions cb ON cb.table_id = tb.id AND cb.partner_id = ca.partner_id
JOIN entities e ON e.id = ca.partner_id
JOIN documents da ON da.id = ta.document_id
JOIN documents db ON db.id = tb.document_id
WHERE ca.amount_pence <> cb.amount_pence
UNION ALL
SELECT ta.period, NULL AS partner, da.file_name, ta.page, ta.stated_total_pence,
       db.file_name, tb.page, tb.stated_total_pence
FROM same_partnership s
JOIN contribution_tables ta ON ta.id = s.table_a
JOIN contribution_tables tb ON tb.id = s.table_b
JOIN documents da ON da.id = ta.document_id
JOIN documents db ON db.id = tb.document_id
WHERE ta.stated_total_pence <> tb.stated_total_pence;

-- Each real decision with how its due date moved across the forward plans that list it.
DROP VIEW IF EXISTS decision_slippage;
CREATE VIEW decision_slippage AS
SELECT d.id AS decision_id, MIN(f.subject) AS subject, d.council, d.decision_maker,
       COUNT(*) AS sightings, COUNT(DISTINCT f.decision_date) AS due_dates,
       MIN(f.decision_date) AS earliest_due, MAX(f.decision_date) AS latest_due
FROM decisions d
JOIN forward_plan_decisions f ON f.decision_id = d.id
GROUP BY d.id, d.council, d.decision_maker;

-- Every table cell with where it was printed, its column's header and kind, and its row's label
-- (the row's first non-empty cell: what the figure is for).
DROP VIEW IF EXISTS table_cells_with_document;
CREATE VIEW table_cells_with_document AS
SELECT d.file_name, t.id AS table_id, t.page AS table_page, c.page, c.row_index, c.col_index,
       (SELECT l.text FROM table_cells l WHERE l.table_id = c.table_id AND l.row_index = c.row_index
          AND l.text <> '' ORDER BY l.col_index LIMIT 1) AS row_label,
       k.header AS column_header, k.kind, k.period, c.is_header, c.is_total, c.text, c.value, c.amount_pence
FROM table_cells c
JOIN tables t ON t.id = c.table_id
JOIN documents d ON d.id = t.document_id
LEFT JOIN table_columns k ON k.table_id = c.table_id AND k.col_index = c.col_index;

-- Partners that pay contributions, one row each whatever the spelling.
DROP VIEW IF EXISTS partners;
CREATE VIEW partners AS SELECT id, name FROM entities WHERE kind = 'partner';

-- Officers named as contacts in forward plans.
DROP VIEW IF EXISTS people;
CREATE VIEW people AS SELECT id, name FROM entities WHERE kind = 'person';

-- Councils whose meetings the documents belong to.
DROP VIEW IF EXISTS councils;
CREATE VIEW councils AS SELECT id, name FROM entities WHERE kind = 'council';

-- Committees (Cabinet, scrutiny committees, full Council) that meet.
DROP VIEW IF EXISTS committees;
CREATE VIEW committees AS SELECT id, name FROM entities WHERE kind = 'committee';
