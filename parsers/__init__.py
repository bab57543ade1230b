"""Text -> money mentions -> events."""
