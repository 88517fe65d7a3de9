"""popbot NLU: safety-layer data, generated persona data, signals and custom components."""
