"""The response-time screens: targets and closure days."""
