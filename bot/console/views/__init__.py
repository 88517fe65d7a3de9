"""Console views, one module per page group; each endpoint is wrapped by ``web.guarded``."""
