"""RabbitMQ: the cluster of the Cluster Operator and the topology derived from the catalog, its flows."""
