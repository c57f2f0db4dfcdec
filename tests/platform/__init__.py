"""The assembled platform: our manifests, the pinned add-ons rendered with our values, and
what the operators create at run time, checked as a whole with real tools."""
