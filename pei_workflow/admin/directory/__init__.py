"""The directory admin: themes, the service directory and each district's CYPP priorities."""
