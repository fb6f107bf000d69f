-- Runs once, when the PostgreSQL volume is initialised (docker-entrypoint-initdb.d):
-- one database per service, as in production. Each service's migrations create its tables.
CREATE DATABASE sharehood_users;
CREATE DATABASE sharehood_inventory;
CREATE DATABASE sharehood_notifications;
