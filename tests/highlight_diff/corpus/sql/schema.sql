-- Schema for the comments service.
CREATE TABLE authors (
    id          SERIAL PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    email       TEXT UNIQUE,
    created_at  TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE comments (
    id          BIGINT PRIMARY KEY,
    page_path   TEXT NOT NULL,
    author_id   INTEGER REFERENCES authors (id) ON DELETE CASCADE,
    body        TEXT NOT NULL CHECK (length(body) > 0),
    approved    BOOLEAN DEFAULT FALSE,
    score       NUMERIC(5, 2) DEFAULT 0
);

CREATE INDEX comments_page_idx ON comments (page_path, approved);

/* Seed data for local development. */
INSERT INTO authors (name, email) VALUES
    ('Ana Lima', 'ana@example.org'),
    ('Ravi O''Neil', 'ravi@example.org');

INSERT INTO comments (id, page_path, author_id, body, approved)
VALUES (1, '/guide/install/', 1, 'Worked first time on Debian 12.', TRUE);
