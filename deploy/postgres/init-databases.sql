-- Database per service (docker-compose.yml): one database and one login role per service, and no role may
-- connect to another service's database. Run once by the postgres image on an empty data directory.
-- The passwords are the development defaults of docker-compose.yml; change both for anything shared.
CREATE ROLE order_service LOGIN PASSWORD 'order_service';
CREATE ROLE inventory_service LOGIN PASSWORD 'inventory_service';
CREATE ROLE saga_service LOGIN PASSWORD 'saga_service';
CREATE ROLE query_service LOGIN PASSWORD 'query_service';
CREATE ROLE edge_service LOGIN PASSWORD 'edge_service';
CREATE ROLE payment_service LOGIN PASSWORD 'payment_service';
CREATE ROLE notification_service LOGIN PASSWORD 'notification_service';

CREATE DATABASE order_service OWNER order_service;
CREATE DATABASE inventory_service OWNER inventory_service;
CREATE DATABASE saga_service OWNER saga_service;
CREATE DATABASE query_service OWNER query_service;
CREATE DATABASE edge_service OWNER edge_service;
CREATE DATABASE payment_service OWNER payment_service;
CREATE DATABASE notification_service OWNER notification_service;

REVOKE CONNECT, TEMPORARY ON DATABASE order_service, inventory_service, saga_service, query_service, edge_service,
    payment_service, notification_service FROM PUBLIC;
