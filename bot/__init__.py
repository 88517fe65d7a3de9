"""popbot application: server, CLI, channels, storage and crypto, handoff, persona builder."""
