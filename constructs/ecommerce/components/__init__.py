"""The components: cdk8s constructs, each contributing its own objects, and the data stores
and the edge their own network flows beside them (<component>/flows.py)."""
