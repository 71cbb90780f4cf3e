"""The commissioned projects admin: the projects, each with its agreed outcomes, its
monitoring returns against them (chart and table) and the evidence behind it."""
