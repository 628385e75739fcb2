"""spoor: document analysis and search for Dutch local-government policy documents."""

__version__ = "0.1.0"
