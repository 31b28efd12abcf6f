-- Undoes 0019_server_secrets.sql (statements in reverse order).
DROP TABLE "server_secrets";
