DROP TABLE program_counts;
