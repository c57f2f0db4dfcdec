"""The model: what the user declares and pins (environments, the catalog of services,
releases) and the facts about the add-ons it relies on. Plain data, validated on creation."""
