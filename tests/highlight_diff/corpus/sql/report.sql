-- Pages with the most approved comments in the last 30 days.
SELECT c.page_path,
       COUNT(*)                     AS comments,
       COUNT(DISTINCT c.author_id)  AS people,
       MAX(c.score)                 AS best_score
FROM comments c
JOIN authors a ON a.id = c.author_id
WHERE c.approved = TRUE
  AND c.id > 100
  AND a.email NOT LIKE '%@spam.example'
GROUP BY c.page_path
HAVING COUNT(*) >= 3
ORDER BY comments DESC, c.page_path ASC
LIMIT 20;

-- Authors without any comment.
SELECT a.name
FROM authors a
LEFT OUTER JOIN comments c ON c.author_id = a.id
WHERE c.id IS NULL;

UPDATE comments
SET approved = FALSE, score = score - 1
WHERE body LIKE '%http%' OR "page_path" = '/spam/';

DELETE FROM comments WHERE approved = FALSE AND id < 50;

BEGIN;
UPDATE authors SET name = UPPER(name) WHERE id IN (SELECT author_id FROM comments);
COMMIT;
