"""The pipeline: build an environment's charts and write dist/ (all or nothing), and the
docs generated from the model."""
