-- docker-compose.yml: one login role and one database per service, as on the platform
-- (deploy/k8s/platform): a service never reads another's tables. Each service creates its own
-- schema inside its database on start. Development passwords: the workstation is the perimeter
-- (Postgres is published on 127.0.0.1 only).
CREATE ROLE enrolment LOGIN PASSWORD 'enrolment';
CREATE DATABASE enrolment OWNER enrolment;
CREATE ROLE sessions LOGIN PASSWORD 'sessions';
CREATE DATABASE sessions OWNER sessions;
CREATE ROLE mentoring LOGIN PASSWORD 'mentoring';
CREATE DATABASE mentoring OWNER mentoring;
CREATE ROLE outcomes LOGIN PASSWORD 'outcomes';
CREATE DATABASE outcomes OWNER outcomes;
