"""MySQL: a standalone server or an InnoDB cluster of the MySQL Operator, the accounts job,
backups to object storage and their retention (dumps.py runs in the cluster), its flows."""
