-- Who sanctions whom, by month (denials counted apart).
SELECT month, source, target, count(*) AS evidence, count(*) FILTER (WHERE negated) AS denied
FROM read_parquet('world/claims/**/*.parquet', hive_partitioning = true)
WHERE relation = 'sanctions'
GROUP BY month, source, target
ORDER BY month, evidence DESC, source, target;

-- The busiest pairs: evidence between two actors, any relation, either way.
SELECT least(source, target) AS a, greatest(source, target) AS b, count(*) AS evidence,
       count(DISTINCT relation) AS relations
FROM read_parquet('world/claims/**/*.parquet', hive_partitioning = true)
GROUP BY a, b
ORDER BY evidence DESC, a, b
LIMIT 10;
