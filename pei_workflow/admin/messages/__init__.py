"""The "Message templates" screen."""
