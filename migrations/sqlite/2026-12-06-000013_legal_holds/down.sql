DROP TABLE held_residents;
DROP TABLE legal_holds;
